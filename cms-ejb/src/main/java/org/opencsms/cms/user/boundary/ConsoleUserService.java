package org.opencsms.cms.user.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.ConsoleUserView;
import org.opencsms.api.cms.ConsoleUsers;
import org.opencsms.cms.platform.PasswordHasher;
import org.opencsms.cms.platform.Times;
import org.opencsms.cms.user.entity.ConsoleUser;

/**
 * Console users. Passwords are kept as salted PBKDF2 hashes ({@link PasswordHasher}); a check of an
 * unknown user's password costs the same PBKDF2 as a known one's, so that the time of the answer does not
 * tell which names exist.
 */
@Stateless
public class ConsoleUserService implements ConsoleUsers {
    static final int MIN_PASSWORD = 8;
    /** PBKDF2 reads the whole password once per check: a bound on what one request can cost. */
    static final int MAX_PASSWORD = 128;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._@-]{1,64}");
    /** A stored hash of a random password, checked for an unknown user: the same work as for a known one. */
    private static final String DECOY = PasswordHasher.hash(UUID.randomUUID().toString());

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Override
    public Optional<String> verify(String name, String password) {
        ConsoleUser user = name == null ? null : em.find(ConsoleUser.class, name);
        String candidate = password == null ? "" : password;
        if (user == null || password == null) {
            PasswordHasher.matches(candidate, DECOY);
            return Optional.empty();
        }
        return PasswordHasher.matches(candidate, user.getPasswordHash()) ? Optional.of(user.getRole()) : Optional.empty();
    }

    @Override
    public List<ConsoleUserView> list() {
        return em.createNamedQuery(ConsoleUser.ALL, ConsoleUser.class).getResultStream()
                .map(ConsoleUserService::view).toList();
    }

    @Override
    public ConsoleUserView create(String name, String password, String role) {
        List<String> violations = new ArrayList<>();
        checkName(name, violations);
        checkPassword(password, violations);
        checkRole(role, violations);
        refuse(violations);
        if (em.find(ConsoleUser.class, name) != null) {
            throw new CmsException(Reason.CONFLICT, "console user " + name + " exists");
        }
        ConsoleUser user = new ConsoleUser(name, role, PasswordHasher.hash(password), Times.now());
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            // created concurrently since the check above: the primary key decided
            throw new CmsException(Reason.CONFLICT, "console user " + name + " exists");
        }
        return view(user);
    }

    @Override
    public ConsoleUserView update(String name, String password, String role) {
        ConsoleUser user = name == null ? null : em.find(ConsoleUser.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new CmsException(Reason.NOT_FOUND, "no console user " + name);
        }
        List<String> violations = new ArrayList<>();
        if (password != null) {
            checkPassword(password, violations);
        }
        if (role != null) {
            checkRole(role, violations);
        }
        refuse(violations);
        if (password != null) {
            user.password(PasswordHasher.hash(password));
        }
        if (role != null) {
            user.role(role);
        }
        return view(user);
    }

    @Override
    public boolean delete(String name) {
        ConsoleUser user = name == null ? null : em.find(ConsoleUser.class, name);
        if (user != null) {
            em.remove(user);
        }
        return user != null;
    }

    private static void checkName(String name, List<String> violations) {
        if (name == null || !NAME.matcher(name).matches()) {
            violations.add("name must be 1 to 64 characters of a-z A-Z 0-9 . _ @ -");
        }
    }

    private static void checkPassword(String password, List<String> violations) {
        if (password == null || password.length() < MIN_PASSWORD) {
            violations.add("password must be at least " + MIN_PASSWORD + " characters");
        } else if (password.length() > MAX_PASSWORD) {
            violations.add("password must be at most " + MAX_PASSWORD + " characters");
        }
    }

    private static void checkRole(String role, List<String> violations) {
        if (!ADMIN.equals(role) && !VIEWER.equals(role)) {
            violations.add("role must be " + ADMIN + " or " + VIEWER);
        }
    }

    /** INVALID with every rule the input broke; the message names them all. */
    private static void refuse(List<String> violations) {
        if (!violations.isEmpty()) {
            throw new CmsException(Reason.INVALID, String.join("; ", violations), violations);
        }
    }

    private static ConsoleUserView view(ConsoleUser u) {
        return new ConsoleUserView(u.getName(), u.getRole(), Times.instant(u.getCreatedAt()));
    }
}
