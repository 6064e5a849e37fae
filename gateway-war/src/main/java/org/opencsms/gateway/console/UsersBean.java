package org.opencsms.gateway.console;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.opencsms.api.cms.ConsoleUserView;
import org.opencsms.api.cms.ConsoleUsers;

/** The console's users (admins only): create, change role or password, delete. */
@Named("users")
@ViewScoped
public class UsersBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient ConsoleUsers users;

    private transient List<ConsoleUserView> list;
    private String name;
    private String password;
    private String role = ConsoleUsers.VIEWER;

    public List<ConsoleUserView> getList() {
        if (list == null) {
            list = users.list();
        }
        return list;
    }

    public void create() {
        if (!Console.mayChange()) {
            return;
        }
        if (name != null && name.trim().equals(org.opencsms.gateway.platform.GatewaySettings.adminUser())) {
            Console.error(name.trim() + " is the configured admin (ADMIN_USER); choose another name");
            return;
        }
        call(() -> {
            ConsoleUserView u = users.create(name == null ? null : name.trim(), password, role);
            Console.info("User " + u.name() + " created (" + u.role() + ")");
            name = null;
            password = null;
        });
    }

    public void changeRole(ConsoleUserView user, String newRole) {
        if (!Console.mayChange()) {
            return;
        }
        call(() -> {
            users.update(user.name(), null, newRole);
            Console.info("User " + user.name() + " is now " + newRole);
        });
    }

    public void changePassword(ConsoleUserView user) {
        if (!Console.mayChange()) {
            return;
        }
        call(() -> {
            users.update(user.name(), password, null);
            password = null;
            Console.info("Password of " + user.name() + " changed");
        });
    }

    public void delete(ConsoleUserView user) {
        if (!Console.mayChange()) {
            return;
        }
        call(() -> {
            if (users.delete(user.name())) {
                Console.info("User " + user.name() + " deleted");
            }
        });
    }

    private void call(Runnable change) {
        if (Console.attempt(change)) {
            list = null;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
