package org.opencsms.gateway.console;

import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import org.opencsms.api.cms.ChargePointAdmin;
import org.opencsms.api.cms.ChargePointChange;
import org.opencsms.api.cms.ChargePointCommands;
import org.opencsms.api.cms.ChargePointConfigurations;
import org.opencsms.api.cms.ChargePointView;
import org.opencsms.api.cms.CommandView;
import org.opencsms.api.cms.ConfigurationView;
import org.opencsms.api.cms.TransactionFilter;
import org.opencsms.api.cms.TransactionQueries;
import org.opencsms.api.cms.TransactionView;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.cms.SentCommand;
import org.opencsms.ocpp.OcppVersion;

/**
 * One charge point: its data, connectors, transactions, command history, the command panel, its
 * configuration keys and credentials. Commands go through {@link ChargePointCommands#send}, the operation
 * the REST API uses; the answer is shown when it arrives (pushed, see {@link SiteUpdates}).
 */
@Named("chargePoint")
@ViewScoped
public class ChargePointBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient ChargePointAdmin chargePoints;
    @EJB
    transient ChargePointCommands commands;
    @EJB
    transient TransactionQueries transactions;
    @EJB
    transient ChargePointConfigurations configurations;
    @Inject
    transient SiteUpdates updates;

    private String id;
    private transient ChargePointView view;
    private transient List<TransactionView> recent;
    private transient List<CommandView> history;
    private boolean missing;

    // the command panel
    private String action = "RemoteStartTransaction";
    private final Map<String, String> values = new HashMap<>();
    private transient CompletableFuture<SentCommand> pending;
    private String pendingAction;

    // configuration: the keys the CMS stored from the last GetConfiguration answer (whoever sent it)
    private transient ConfigurationView stored;
    private transient CompletableFuture<SentCommand> configuration;
    /** Whether the stored keys were read again after this page's own read completed. */
    private boolean storedAfterRead;
    private String configKey;
    private String configValue;

    // credentials
    private String newPassword;
    private Integer newProfile;
    private String newValidation;

    public void load() {
        view = id == null ? null : chargePoints.find(id).orElse(null);
        missing = view == null;
        if (missing && id != null) {
            Console.error("No charge point " + id);
        }
        if (view != null && newProfile == null) {
            newProfile = view.securityProfile();
        }
        if (view != null && newValidation == null) {
            newValidation = view.validation();
        }
    }

    /** The site changed (pushed): read again. */
    public void refresh() {
        view = null;
        recent = null;
        history = null;
        stored = null;
    }

    public ChargePointView getView() {
        if (view == null && !missing && id != null) {
            view = chargePoints.find(id).orElse(null);
            missing = view == null;
        }
        return view;
    }

    public List<TransactionView> getTransactions() {
        if (recent == null) {
            recent = getView() == null ? List.of()
                    : transactions.search(new TransactionFilter(id, null, null, null, null), 0, 10);
        }
        return recent;
    }

    public List<CommandView> getHistory() {
        if (history == null) {
            history = getView() == null ? List.of() : commands.history(id, 0, 20);
        }
        return history;
    }

    private OcppVersion version() {
        ChargePointView v = getView();
        return v == null || v.ocppVersion() == null ? OcppVersion.OCPP16
                : OcppVersion.fromSubprotocol(v.ocppVersion()).orElse(OcppVersion.OCPP16);
    }

    public List<String> getActions() {
        return CommandForm.actions(version());
    }

    public List<CommandForm.Field> getFields() {
        return CommandForm.fields(version(), action);
    }

    public void actionChanged() {
        values.clear();
    }

    public void send() {
        if (!Console.mayChange()) {
            return;
        }
        String payload;
        try {
            payload = CommandForm.payload(getFields(), values);
        } catch (CommandForm.InvalidInput e) {
            Console.error(e.getMessage());
            return;
        }
        pending = start(action, payload);
        pendingAction = action;
        history = null;
    }

    private CompletableFuture<SentCommand> start(String what, String payload) {
        List<CompletableFuture<SentCommand>> started = new java.util.ArrayList<>(1);
        Console.attempt(() -> started.add(commands.send(id, what, payload, Console.caller()).toCompletableFuture()));
        if (started.isEmpty()) {
            return null;
        }
        started.get(0).whenComplete((sent, failure) -> updates.commandCompleted());
        return started.get(0);
    }

    public boolean isWaiting() {
        return pending != null && !pending.isDone();
    }

    public boolean isAnswered() {
        return pending != null && pending.isDone();
    }

    /** Whether the page's last command was a ChangeConfiguration (its answer shows on the configuration tab too). */
    public boolean isConfigChange() {
        return pendingAction != null && pendingAction.startsWith("ChangeConfiguration");
    }

    public String getPendingAction() {
        return pendingAction;
    }

    /** The outcome of the last command of this page: RESULT, CALL_ERROR, TIMEOUT, ... */
    public String getOutcome() {
        SentCommand sent = done(pending);
        return sent == null ? "" : sent.result().outcome().name();
    }

    public boolean isSuccess() {
        SentCommand sent = done(pending);
        return sent != null && sent.result().outcome() == CommandResult.Outcome.RESULT;
    }

    /** The charge point's answer (pretty JSON) or its error. */
    public String getAnswer() {
        SentCommand sent = done(pending);
        if (sent == null) {
            return "";
        }
        CommandResult r = sent.result();
        return switch (r.outcome()) {
            case RESULT -> pretty(r.payload());
            case CALL_ERROR, INVALID_RESPONSE -> r.errorCode() + ": " + (r.errorDescription() == null ? ""
                    : r.errorDescription());
            case TIMEOUT, NOT_CONNECTED -> r.errorDescription() == null ? "" : r.errorDescription();
        };
    }

    // configuration

    public void readConfiguration() {
        if (!Console.mayChange()) {
            return;
        }
        configuration = start("GetConfiguration", "{}");
        storedAfterRead = false;
    }

    public boolean isConfigurationWaiting() {
        return configuration != null && !configuration.isDone();
    }

    public record ConfigKey(String key, boolean readonly, String value) implements Serializable {
        public String getKey() {
            return key;
        }

        public boolean isReadonly() {
            return readonly;
        }

        public String getValue() {
            return value;
        }
    }

    /**
     * The configuration the CMS stored for this charge point (readAt null: never read). It is stored in
     * the transaction that completes the GetConfiguration, before the answer reaches this page: once this
     * page's own read is done, reading the stored view again shows the fresh keys.
     */
    public ConfigurationView getStoredConfiguration() {
        if (configuration != null && configuration.isDone() && !storedAfterRead) {
            storedAfterRead = true;
            stored = null;
        }
        if (stored == null && getView() != null) {
            Console.attempt(() -> stored = configurations.lastRead(id));
        }
        return stored;
    }

    /** Whether the charge point's configuration was ever read (by anyone: console, REST, jobs). */
    public boolean isConfigurationRead() {
        ConfigurationView v = getStoredConfiguration();
        return v != null && v.readAt() != null;
    }

    /** The stored keys, ordered by key. */
    public List<ConfigKey> getConfigurationKeys() {
        ConfigurationView v = getStoredConfiguration();
        if (v == null) {
            return List.of();
        }
        return v.keys().stream().map(k -> new ConfigKey(k.key(), k.readonly(), k.value() == null ? "" : k.value()))
                .toList();
    }

    public String getConfigurationError() {
        SentCommand sent = done(configuration);
        if (sent == null || sent.result().outcome() == CommandResult.Outcome.RESULT) {
            return null;
        }
        return sent.result().outcome() + ": " + (sent.result().errorDescription() == null ? ""
                : sent.result().errorDescription());
    }

    public void editKey(ConfigKey key) {
        configKey = key.key();
        configValue = key.value();
    }

    public void changeConfiguration() {
        if (!Console.mayChange()) {
            return;
        }
        pending = start("ChangeConfiguration", Json.createObjectBuilder().add("key", configKey == null ? "" : configKey)
                .add("value", configValue == null ? "" : configValue).build().toString());
        pendingAction = "ChangeConfiguration " + configKey;
    }

    // credentials

    public void saveCredentials() {
        if (!Console.mayChange()) {
            return;
        }
        Console.attempt(() -> {
            view = chargePoints.update(id, newPassword == null || newPassword.isEmpty() ? null : newPassword,
                    newProfile);
            newPassword = null;
            Console.info("Credentials of " + id + " saved");
        });
    }

    /** The validation mode (strict, relaxed); it applies from the charge point's next connection. */
    public void saveValidation() {
        if (!Console.mayChange()) {
            return;
        }
        Console.attempt(() -> {
            view = chargePoints.change(id, new ChargePointChange(null, null, newValidation));
            Console.info("Validation of " + id + " is " + view.validation()
                    + (view.connected() ? ": it applies when the charge point next connects" : ""));
        });
    }

    public String getNewValidation() {
        return newValidation;
    }

    public void setNewValidation(String newValidation) {
        this.newValidation = newValidation;
    }

    public void removePassword() {
        if (!Console.mayChange()) {
            return;
        }
        Console.attempt(() -> {
            view = chargePoints.update(id, "", 0);
            newProfile = 0;
            Console.info("Password of " + id + " removed: it connects without one (security profile 0)");
        });
    }

    public String delete() {
        if (!Console.mayChange()) {
            return null;
        }
        chargePoints.delete(id);
        return "charge-points?faces-redirect=true";
    }

    private static SentCommand done(CompletableFuture<SentCommand> stage) {
        if (stage == null || !stage.isDone() || stage.isCompletedExceptionally()) {
            return null;
        }
        return stage.join();
    }

    static String pretty(String json) {
        if (json == null) {
            return "";
        }
        try {
            JsonValue value = Json.createReader(new StringReader(json)).readValue();
            StringWriter out = new StringWriter();
            try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createWriter(out)) {
                writer.write(value);
            }
            return out.toString().trim();
        } catch (RuntimeException e) {
            return json;
        }
    }

    public String pretty(JsonValue value) {
        return value == null ? "" : pretty(value.toString());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public String getConfigKey() {
        return configKey;
    }

    public void setConfigKey(String configKey) {
        this.configKey = configKey;
    }

    public String getConfigValue() {
        return configValue;
    }

    public void setConfigValue(String configValue) {
        this.configValue = configValue;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public Integer getNewProfile() {
        return newProfile;
    }

    public void setNewProfile(Integer newProfile) {
        this.newProfile = newProfile;
    }
}
