/**
 * A minimal, always well-formed XML/XHTML/SVG writer ({@link io.mlecs.report.xml.Markup}) and the
 * number formats the report uses ({@link io.mlecs.report.xml.Numbers}).
 */
package io.mlecs.report.xml;
