package org.opencsms.cms.platform;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned migrations in {@code db/migration} at start-up, the same ones on the embedded
 * database and on PostgreSQL. Flyway runs its own transactions, hence bean-managed.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /**
     * Whether this deployment's migrations have run. Timers start with the module, possibly before this
     * start-up bean has migrated a fresh database: scheduled work checks this first, instead of failing on
     * tables that do not exist yet.
     */
    private static volatile boolean migrated;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    public static boolean migrated() {
        return migrated;
    }

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        migrated = true;
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }
}
