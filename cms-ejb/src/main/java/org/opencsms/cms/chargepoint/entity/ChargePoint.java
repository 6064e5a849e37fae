package org.opencsms.cms.chargepoint.entity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opencsms.api.cms.ValidationMode;

@Entity
@Table(name = "charge_point")
@NamedQuery(name = ChargePoint.BY_IDENTITY, query = "select c from ChargePoint c where c.identity = :identity")
@NamedQuery(name = ChargePoint.BY_IDENTITIES, query = "select c from ChargePoint c where c.identity in :identities "
        + "order by c.id")
@NamedQuery(name = ChargePoint.ALL, query = "select c from ChargePoint c order by c.identity")
@NamedQuery(name = ChargePoint.CLEAR_NODE_SESSIONS, query = "update ChargePoint c set c.sessionNode = null, "
        + "c.sessionId = null, c.sessionSince = null where c.sessionNode = :node and c.sessionSince < :before")
public class ChargePoint {
    public static final String BY_IDENTITY = "ChargePoint.byIdentity";
    public static final String BY_IDENTITIES = "ChargePoint.byIdentities";
    public static final String ALL = "ChargePoint.all";
    public static final String CLEAR_NODE_SESSIONS = "ChargePoint.clearNodeSessions";

    @Id
    @SequenceGenerator(name = "charge_point_seq", sequenceName = "charge_point_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charge_point_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private String identity;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "security_profile")
    private int securityProfile;
    @Column(name = "validation_mode")
    private String validationMode = ValidationMode.STRICT.wire();
    @Column(name = "registration_status")
    private String registrationStatus;
    private String vendor;
    private String model;
    @Column(name = "serial_number")
    private String serialNumber;
    @Column(name = "charge_box_serial")
    private String chargeBoxSerial;
    @Column(name = "firmware_version")
    private String firmwareVersion;
    private String iccid;
    private String imsi;
    @Column(name = "meter_type")
    private String meterType;
    @Column(name = "meter_serial_number")
    private String meterSerialNumber;
    @Column(name = "ocpp_version")
    private String ocppVersion;
    @Column(name = "last_seen")
    private OffsetDateTime lastSeen;
    @Column(name = "last_boot")
    private OffsetDateTime lastBoot;
    @Column(name = "session_node")
    private String sessionNode;
    @Column(name = "session_id")
    private String sessionId;
    @Column(name = "session_since")
    private OffsetDateTime sessionSince;
    @Column(name = "firmware_status")
    private String firmwareStatus;
    @Column(name = "firmware_status_at")
    private OffsetDateTime firmwareStatusAt;
    @Column(name = "diagnostics_status")
    private String diagnosticsStatus;
    @Column(name = "diagnostics_status_at")
    private OffsetDateTime diagnosticsStatusAt;
    @Column(name = "closed_session_id")
    private String closedSessionId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @OneToMany(mappedBy = "chargePoint", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Connector> connectors = new ArrayList<>();

    protected ChargePoint() {
    }

    public ChargePoint(String identity, String passwordHash, int securityProfile, OffsetDateTime now) {
        this.identity = identity;
        this.passwordHash = passwordHash;
        this.securityProfile = securityProfile;
        this.createdAt = now;
    }

    public void booted(String vendor, String model, String serialNumber, String chargeBoxSerial,
                       String firmwareVersion, String iccid, String imsi, String meterType,
                       String meterSerialNumber, String registrationStatus, OffsetDateTime now) {
        this.vendor = vendor;
        this.model = model;
        this.serialNumber = serialNumber;
        this.chargeBoxSerial = chargeBoxSerial;
        this.firmwareVersion = firmwareVersion;
        this.iccid = iccid;
        this.imsi = imsi;
        this.meterType = meterType;
        this.meterSerialNumber = meterSerialNumber;
        this.registrationStatus = registrationStatus;
        this.lastBoot = now;
        seen(now);
    }

    /** New credentials: the password's hash (null: none required) and the security profile they go with. */
    public void credentials(String passwordHash, int securityProfile) {
        this.passwordHash = passwordHash;
        this.securityProfile = securityProfile;
    }

    public ValidationMode getValidationMode() {
        return ValidationMode.of(validationMode);
    }

    public void validation(ValidationMode mode) {
        this.validationMode = mode.wire();
    }

    public void seen(OffsetDateTime now) {
        if (lastSeen == null || now.isAfter(lastSeen)) {
            lastSeen = now;
        }
    }

    /**
     * Records the session unless a newer one is recorded or it was closed already: events are
     * consumed by competing listeners and may arrive out of order.
     *
     * @return whether this session was not the recorded one before (a repeat of the same event changes nothing)
     */
    public boolean sessionOpened(String node, String session, String version, OffsetDateTime at) {
        if (sessionSince != null && sessionSince.isAfter(at) || session.equals(closedSessionId)) {
            return false;
        }
        boolean changed = !session.equals(sessionId);
        sessionNode = node;
        sessionId = session;
        sessionSince = at;
        ocppVersion = version;
        seen(at);
        return changed;
    }

    /**
     * Clears the session record only if it still names this session: a replaced session's close is a no-op.
     *
     * @return whether the record was cleared (the charge point's current session ended)
     */
    public boolean sessionClosed(String session, OffsetDateTime at) {
        closedSessionId = session;
        boolean current = session.equals(sessionId);
        if (current) {
            sessionNode = null;
            sessionId = null;
            sessionSince = null;
        }
        seen(at);
        return current;
    }

    /** FirmwareStatusNotification; an older report arriving late is ignored. */
    public void firmwareStatus(String status, OffsetDateTime at) {
        if (firmwareStatusAt == null || !at.isBefore(firmwareStatusAt)) {
            firmwareStatus = status;
            firmwareStatusAt = at;
        }
        seen(at);
    }

    /** DiagnosticsStatusNotification; an older report arriving late is ignored. */
    public void diagnosticsStatus(String status, OffsetDateTime at) {
        if (diagnosticsStatusAt == null || !at.isBefore(diagnosticsStatusAt)) {
            diagnosticsStatus = status;
            diagnosticsStatusAt = at;
        }
        seen(at);
    }

    public Optional<Connector> connector(int connectorId) {
        return connectors.stream().filter(c -> c.getConnectorId() == connectorId).findFirst();
    }

    public Connector addConnector(int connectorId, OffsetDateTime now) {
        Connector c = new Connector(this, connectorId, now);
        connectors.add(c);
        return c;
    }

    public List<Connector> getConnectors() {
        List<Connector> sorted = new ArrayList<>(connectors);
        sorted.sort(Comparator.comparingInt(Connector::getConnectorId));
        return sorted;
    }

    public Long getId() { return id; }
    public String getIdentity() { return identity; }
    public String getPasswordHash() { return passwordHash; }
    public int getSecurityProfile() { return securityProfile; }
    public String getRegistrationStatus() { return registrationStatus; }
    public String getVendor() { return vendor; }
    public String getModel() { return model; }
    public String getSerialNumber() { return serialNumber; }
    public String getChargeBoxSerial() { return chargeBoxSerial; }
    public String getFirmwareVersion() { return firmwareVersion; }
    public String getOcppVersion() { return ocppVersion; }
    public String getFirmwareStatus() { return firmwareStatus; }
    public String getDiagnosticsStatus() { return diagnosticsStatus; }
    public OffsetDateTime getLastSeen() { return lastSeen; }
    public OffsetDateTime getLastBoot() { return lastBoot; }
    public String getSessionNode() { return sessionNode; }
    public String getSessionId() { return sessionId; }
    public OffsetDateTime getSessionSince() { return sessionSince; }
}
