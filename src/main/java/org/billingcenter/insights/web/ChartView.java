package org.billingcenter.insights.web;

import java.util.ArrayList;
import java.util.List;
import org.billingcenter.insights.ChartGeometry;

/**
 * One chart as the template draws it: every coordinate and label already computed, the text in the
 * page's language, and the same figures as a table for screen readers (and anyone who would rather read).
 */
record ChartView(String id, String title, String summary, ChartGeometry geometry, List<Label> yLabels,
    List<Label> xLabels, List<Bar> bars, List<Line> lines, List<Legend> legend, List<String> columns,
    List<List<String>> rows) {

  /** Text at (x, y); {@code second} a smaller line under it (a year under its January), or null. */
  record Label(double x, double y, String text, String second) {}

  record Bar(double x, double y, double width, double height, String fill, String title) {}

  record Line(String path, String stroke, List<Dot> dots) {}

  record Dot(double x, double y, String title) {}

  record Legend(String fill, String text) {}

  /** Collects a chart's parts; the geometry decides where, the caller what. */
  static final class Builder {
    final String id;
    final ChartGeometry geometry;
    final List<Label> xLabels = new ArrayList<>();
    final List<Bar> bars = new ArrayList<>();
    final List<Line> lines = new ArrayList<>();
    final List<Legend> legend = new ArrayList<>();
    final List<List<String>> rows = new ArrayList<>();
    List<Label> yLabels = List.of();
    List<String> columns = List.of();

    Builder(String id, ChartGeometry geometry) {
      this.id = id;
      this.geometry = geometry;
    }

    Builder yLabels(java.util.function.LongFunction<String> format) {
      yLabels = geometry.ticks().stream()
          .map(t -> new Label(geometry.plotLeft() - 6, t.y(), format.apply(t.value()), null)).toList();
      return this;
    }

    Builder xLabel(int slot, String text, String second) {
      xLabels.add(new Label(geometry.x(slot), geometry.plotBottom() + 16, text, second));
      return this;
    }

    Builder bar(int slot, long from, long to, String fill, String title) {
      ChartGeometry.Box box = geometry.bar(slot, from, to);
      bars.add(new Bar(box.x(), box.y(), box.width(), box.height(), fill, title));
      return this;
    }

    Builder line(List<Long> values, String stroke, List<String> titles) {
      List<Dot> dots = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i) != null) {
          dots.add(new Dot(geometry.x(i), geometry.y(values.get(i)), titles.get(i)));
        }
      }
      lines.add(new Line(geometry.linePath(values), stroke, dots));
      return this;
    }

    ChartView build(String title, String summary) {
      return new ChartView(id, title, summary, geometry, yLabels, xLabels, bars, lines, legend, columns, rows);
    }
  }
}
