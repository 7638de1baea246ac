package org.billingcenter.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where things go in one chart: a plot area inside fixed margins, a {@link ChartScale} on the y axis,
 * and one slot per category (a month, a week) along x. Turns values into bars and SVG path data.
 * Coordinates are SVG user units (y grows downwards), rounded to one decimal. Pure.
 */
public record ChartGeometry(int width, int height, ChartScale scale, int slots) {

  public static final int LEFT = 64;
  public static final int RIGHT = 16;
  public static final int TOP = 16;
  public static final int BOTTOM = 40;
  /** The share of a slot a bar takes; the rest is the gap between bars. */
  static final double BAR_SHARE = 0.6;

  /** A rectangle, top-left corner first. */
  public record Box(double x, double y, double width, double height) {}

  /** A tick line across the plot at {@code y}, labelled with {@code value}. */
  public record Tick(long value, double y) {}

  public ChartGeometry {
    if (slots < 1 || width <= LEFT + RIGHT || height <= TOP + BOTTOM) {
      throw new IllegalArgumentException("no room for " + slots + " slots in " + width + "x" + height);
    }
  }

  public static ChartGeometry of(int width, int height, List<Long> values, int slots) {
    return new ChartGeometry(width, height, ChartScale.holding(values.stream().mapToLong(Long::longValue).max().orElse(0)),
        slots);
  }

  public double plotLeft() {
    return LEFT;
  }

  public double plotRight() {
    return width - RIGHT;
  }

  public double plotTop() {
    return TOP;
  }

  public double plotBottom() {
    return height - BOTTOM;
  }

  double slotWidth() {
    return (plotRight() - plotLeft()) / slots;
  }

  /** The middle of slot {@code i} (0-based): where its label and its line point go. */
  public double x(int i) {
    return round(plotLeft() + slotWidth() * (i + 0.5));
  }

  public double y(long value) {
    return round(plotBottom() - (plotBottom() - plotTop()) * scale.fraction(value));
  }

  public List<Tick> ticks() {
    return scale.ticks().stream().map(v -> new Tick(v, y(v))).toList();
  }

  /** The part of slot {@code i}'s bar from {@code from} up to {@code to}: one segment of a stack, or a whole bar from 0. */
  public Box bar(int i, long from, long to) {
    double w = slotWidth() * BAR_SHARE;
    double top = y(to);
    return new Box(round(x(i) - w / 2), top, round(w), round(y(from) - top));
  }

  /** "M x y L x y ..." through the slots' values; a null value breaks the line (no data that slot). */
  public String linePath(List<Long> values) {
    StringBuilder path = new StringBuilder();
    boolean drawing = false;
    for (int i = 0; i < values.size(); i++) {
      Long v = values.get(i);
      if (v == null) {
        drawing = false;
        continue;
      }
      path.append(path.isEmpty() ? "" : " ").append(drawing ? 'L' : 'M')
          .append(number(x(i))).append(' ').append(number(y(v)));
      drawing = true;
    }
    return path.toString();
  }

  /** Each slot's value as a bar from zero. */
  public List<Box> bars(List<Long> values) {
    List<Box> bars = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      bars.add(bar(i, 0, values.get(i)));
    }
    return bars;
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** 12.0 as "12", 12.5 as "12.5": short path data, a dot whatever the server's locale. */
  public static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
