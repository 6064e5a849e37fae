package org.opencsms.cms.smartcharging.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A charging profile of the library. Its id is the OCPP {@code chargingProfileId} (an int32), its document
 * the OCPP 1.6 ChargingProfile as JSON (carrying that id); purpose and stack level are kept beside it for
 * the records of installed profiles.
 */
@Entity
@Table(name = "charging_profile")
public class StoredChargingProfile {
    @Id
    @SequenceGenerator(name = "charging_profile_seq", sequenceName = "charging_profile_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charging_profile_seq")
    private Integer id;
    private String description;
    @Column(nullable = false)
    private String purpose;
    @Column(name = "stack_level", nullable = false)
    private int stackLevel;
    @Column(nullable = false)
    private String document;
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected StoredChargingProfile() {
    }

    public StoredChargingProfile(OffsetDateTime now) {
        this.createdAt = now;
    }

    public void update(String description, String purpose, int stackLevel, String document, OffsetDateTime now) {
        this.description = description;
        this.purpose = purpose;
        this.stackLevel = stackLevel;
        this.document = document;
        this.updatedAt = now;
    }

    public Integer getId() { return id; }
    public String getDescription() { return description; }
    public String getPurpose() { return purpose; }
    public int getStackLevel() { return stackLevel; }
    public String getDocument() { return document; }
}
