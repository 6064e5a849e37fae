package org.opencsms.cms.user.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A console user; the password only as its hash ({@code PasswordHasher}). */
@Entity
@Table(name = "console_user")
@NamedQuery(name = ConsoleUser.ALL, query = "select u from ConsoleUser u order by u.name")
public class ConsoleUser {
    public static final String ALL = "ConsoleUser.all";

    @Id
    private String name;
    @Column(nullable = false)
    private String role;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected ConsoleUser() {
    }

    public ConsoleUser(String name, String role, String passwordHash, OffsetDateTime createdAt) {
        this.name = name;
        this.role = role;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public void password(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void role(String role) {
        this.role = role;
    }

    public String getName() { return name; }
    public String getRole() { return role; }
    public String getPasswordHash() { return passwordHash; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
