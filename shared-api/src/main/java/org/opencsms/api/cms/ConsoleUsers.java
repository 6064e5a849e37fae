package org.opencsms.api.cms;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Local;

/**
 * The users of the admin console besides the configured admin (ADMIN_USER): each with one role and a
 * password stored only as a salted, slow hash.
 */
@Local
public interface ConsoleUsers {
    /** May do everything. */
    String ADMIN = "admin";
    /** May look at everything and change nothing. */
    String VIEWER = "viewer";

    /** The user's role when the password is right; empty for a wrong password or an unknown user. */
    Optional<String> verify(String name, String password);

    /** Ordered by name. */
    List<ConsoleUserView> list();

    /**
     * @throws CmsException INVALID for a bad name (1-64 of a-z A-Z 0-9 . _ @ -), a password shorter than 8
     *                      or longer than 128 characters or a role other than admin/viewer (its
     *                      {@link CmsException#violations() violations} name every rule broken); CONFLICT when
     *                      the name exists
     */
    ConsoleUserView create(String name, String password, String role);

    /**
     * @param password null: unchanged
     * @param role     null: unchanged
     * @throws CmsException NOT_FOUND, INVALID as for {@link #create}
     */
    ConsoleUserView update(String name, String password, String role);

    /** @return false when no such user existed */
    boolean delete(String name);
}
