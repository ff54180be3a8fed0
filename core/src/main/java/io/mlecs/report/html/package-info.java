/**
 * The XHTML pages of the report: a self-contained document (inline CSS, inline SVG, no scripts, no
 * network) for a single run ({@link io.mlecs.report.html.RunReport}) or a sweep
 * ({@link io.mlecs.report.html.SweepReport}). The markup is XHTML-compatible so that a strict XML
 * parser accepts it.
 */
package io.mlecs.report.html;
