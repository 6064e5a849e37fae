package org.opencsms.gateway.console;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** Chart.js configurations for {@code <p:chart>}, built as JSON (never by concatenating data into text). */
final class Charts {
    record Series(String label, String axis, List<Double> values) {
    }

    static String bar(String label, List<String> labels, List<Double> values) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        values.forEach(data::add);
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", strings(labels))
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", label).add("data", data)
                                .add("backgroundColor", "rgba(33, 150, 243, 0.6)"))))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("animation", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                                .add("beginAtZero", true))))
                .build().toString();
    }

    /** A line chart over the given x labels, each series on its own y axis ("y" left, "y1" right). */
    static String lines(List<String> labels, List<Series> series) {
        String[] colors = {"#1e88e5", "#e53935", "#43a047"};
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        JsonObjectBuilder scales = Json.createObjectBuilder();
        int i = 0;
        for (Series s : series) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            s.values().forEach(v -> {
                if (v == null) {
                    data.addNull();
                } else {
                    data.add(v);
                }
            });
            datasets.add(Json.createObjectBuilder().add("label", s.label()).add("data", data)
                    .add("yAxisID", s.axis()).add("borderColor", colors[i % colors.length])
                    .add("spanGaps", true).add("tension", 0.2));
            scales.add(s.axis(), Json.createObjectBuilder()
                    .add("position", i == 0 ? "left" : "right")
                    .add("title", Json.createObjectBuilder().add("display", true).add("text", s.label())));
            i++;
        }
        return Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", strings(labels)).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("animation", false)
                        .add("scales", scales))
                .build().toString();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private Charts() {
    }
}
