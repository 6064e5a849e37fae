package org.opencsms.gateway.console;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import org.opencsms.api.cms.ChargePointAdmin;
import org.opencsms.api.cms.ChargePointOrder;
import org.opencsms.api.cms.ChargePointView;
import org.opencsms.api.cms.ConnectorView;
import org.opencsms.api.cms.NewChargePoint;

/** The charge point list: search, sort, lazy pages; registration and deletion. */
@Named("chargePoints")
@ViewScoped
public class ChargePointsBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient ChargePointAdmin chargePoints;

    private String search;
    private String newId;
    private String newPassword;
    private Integer newProfile;

    private final LazyDataModel<ChargePointView> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, chargePoints.count(search));
        }

        @Override
        public List<ChargePointView> load(int first, int pageSize, Map<String, SortMeta> sort,
                                          Map<String, FilterMeta> filters) {
            ChargePointOrder order = ChargePointOrder.ID;
            boolean ascending = true;
            for (SortMeta s : sort.values()) {
                order = switch (s.getField()) {
                    case "vendor" -> ChargePointOrder.VENDOR;
                    case "model" -> ChargePointOrder.MODEL;
                    case "lastSeen" -> ChargePointOrder.LAST_SEEN;
                    default -> ChargePointOrder.ID;
                };
                ascending = s.getOrder() != SortOrder.DESCENDING;
            }
            return chargePoints.search(search, order, ascending, first, pageSize);
        }

        @Override
        public String getRowKey(ChargePointView row) {
            return row.id();
        }

        @Override
        public ChargePointView getRowData(String rowKey) {
            return chargePoints.find(rowKey).orElse(null);
        }
    };

    public LazyDataModel<ChargePointView> getModel() {
        return model;
    }

    public void register() {
        if (!Console.mayChange()) {
            return;
        }
        Console.attempt(() -> {
            ChargePointView cp = chargePoints.register(new NewChargePoint(newId == null ? null : newId.trim(),
                    newPassword == null || newPassword.isEmpty() ? null : newPassword, newProfile));
            Console.info("Charge point " + cp.id() + " registered");
            newId = null;
            newPassword = null;
            newProfile = null;
        });
    }

    public void delete(String id) {
        if (!Console.mayChange()) {
            return;
        }
        if (chargePoints.delete(id)) {
            Console.info("Charge point " + id + " deleted");
        }
    }

    /** The worst status of the connectors 1..n, for the list's badge. */
    public static String status(ChargePointView cp) {
        List<ConnectorView> connectors = cp.connectors();
        if (connectors == null || connectors.isEmpty()) {
            return "Unknown";
        }
        for (String worst : List.of("Faulted", "Unavailable", "Charging", "SuspendedEV", "SuspendedEVSE",
                "Preparing", "Finishing", "Reserved", "Available")) {
            for (ConnectorView c : connectors) {
                if (worst.equals(c.status())) {
                    return worst;
                }
            }
        }
        return connectors.get(0).status() == null ? "Unknown" : connectors.get(0).status();
    }

    public String statusOf(ChargePointView cp) {
        return status(cp);
    }

    /** PrimeFaces tag severity for an OCPP status. */
    public String severity(String status) {
        if (status == null) {
            return "secondary";
        }
        return switch (status) {
            case "Available" -> "success";
            case "Charging", "Preparing", "SuspendedEV", "SuspendedEVSE", "Finishing", "Reserved" -> "info";
            case "Faulted" -> "danger";
            case "Unavailable" -> "warning";
            default -> "secondary";
        };
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getNewId() {
        return newId;
    }

    public void setNewId(String newId) {
        this.newId = newId;
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
