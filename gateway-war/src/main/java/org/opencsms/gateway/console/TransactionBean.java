package org.opencsms.gateway.console;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.opencsms.api.cms.MeterValueView;
import org.opencsms.api.cms.TransactionDetail;
import org.opencsms.api.cms.TransactionQueries;

/** One transaction: its data, meter values and a chart of energy and power over time. */
@Named("transaction")
@ViewScoped
public class TransactionBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(Console.ZONE);
    static final String ENERGY = "Energy.Active.Import.Register";
    static final String POWER = "Power.Active.Import";

    @EJB
    transient TransactionQueries transactions;

    private Integer id;
    private transient TransactionDetail detail;

    public void load() {
        detail = id == null ? null : transactions.find(id).orElse(null);
        if (detail == null && id != null) {
            Console.error("No transaction " + id);
        }
    }

    public void refresh() {
        if (id != null) {
            detail = transactions.find(id).orElse(null);
        }
    }

    public TransactionDetail getDetail() {
        if (detail == null && id != null) {
            detail = transactions.find(id).orElse(null);
        }
        return detail;
    }

    /** Energy (kWh, register) and power (kW: as reported, or else averaged between energy readings). */
    public String getChart() {
        TransactionDetail t = getDetail();
        if (t == null) {
            return "{}";
        }
        TreeMap<Instant, Double> energy = new TreeMap<>();
        TreeMap<Instant, Double> power = new TreeMap<>();
        if (t.startTimestamp() != null) {
            energy.put(t.startTimestamp(), t.meterStart() / 1000.0);
        }
        for (MeterValueView v : t.meterValues()) {
            Double number = number(v.value());
            if (number == null || v.timestamp() == null || (v.phase() != null && !v.phase().isEmpty())) {
                continue;
            }
            String measurand = v.measurand() == null ? ENERGY : v.measurand();
            if (measurand.equals(ENERGY)) {
                energy.put(v.timestamp(), "kWh".equals(v.unit()) ? number : number / 1000.0);
            } else if (measurand.equals(POWER)) {
                power.put(v.timestamp(), "kW".equals(v.unit()) ? number : number / 1000.0);
            }
        }
        if (t.stopTimestamp() != null && t.meterStop() != null) {
            energy.put(t.stopTimestamp(), t.meterStop() / 1000.0);
        }
        if (power.isEmpty()) {
            Instant previous = null;
            for (var e : energy.entrySet()) {
                if (previous != null) {
                    double hours = Duration.between(previous, e.getKey()).toMillis() / 3_600_000.0;
                    if (hours > 0) {
                        power.put(e.getKey(), (e.getValue() - energy.get(previous)) / hours);
                    }
                }
                previous = e.getKey();
            }
        }
        TreeMap<Instant, Boolean> times = new TreeMap<>();
        energy.keySet().forEach(k -> times.put(k, true));
        power.keySet().forEach(k -> times.put(k, true));
        List<String> labels = new ArrayList<>();
        List<Double> e = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        for (Instant at : times.keySet()) {
            labels.add(CLOCK.format(at));
            e.add(round(energy.get(at)));
            p.add(round(power.get(at)));
        }
        return Charts.lines(labels, List.of(new Charts.Series("Energy (kWh)", "y", e),
                new Charts.Series("Power (kW)", "y1", p)));
    }

    public boolean isHasValues() {
        return getDetail() != null && !getDetail().meterValues().isEmpty();
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 1000) / 1000.0;
    }

    private static Double number(String value) {
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }
}
