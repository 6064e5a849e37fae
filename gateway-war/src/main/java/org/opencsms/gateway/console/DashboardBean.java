package org.opencsms.gateway.console;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.opencsms.api.cms.ActivityView;
import org.opencsms.api.cms.Overview;
import org.opencsms.api.cms.SiteOverview;

/** The dashboard: the site at a glance, re-read whenever the site changes (see {@link SiteUpdates}). */
@Named("dashboard")
@ViewScoped
public class DashboardBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient SiteOverview site;

    private transient Overview overview;
    private transient List<ActivityView> activity;

    /** Called when the site changed: the next render reads again. */
    public void refresh() {
        overview = null;
        activity = null;
    }

    public Overview getOverview() {
        if (overview == null) {
            overview = site.overview(Console.ZONE);
        }
        return overview;
    }

    public List<Map.Entry<String, Long>> getConnectorsByStatus() {
        return getOverview().connectorsByStatus().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList();
    }

    public List<ActivityView> getActivity() {
        if (activity == null) {
            activity = site.latestActivity(15);
        }
        return activity;
    }

    public String getEnergyChart() {
        List<Overview.DailyEnergy> days = getOverview().last7Days();
        return Charts.bar("kWh delivered", days.stream().map(d -> d.day().toString()).toList(),
                days.stream().map(d -> Math.round(d.energyWh() / 100.0) / 10.0).toList());
    }
}
