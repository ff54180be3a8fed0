/**
 * Hand-drawn inline SVG charts for the self-contained HTML report: line charts with optional
 * min-max bands and grouped bar charts with error bars, each with axes, "nice" ticks, grid lines,
 * axis titles and a legend. No JavaScript, no external resources; output is well-formed XML.
 */
package io.mlecs.report.svg;
