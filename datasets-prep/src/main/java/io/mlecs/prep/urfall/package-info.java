/**
 * Reader of the real UR-FALL layout (Kwolek &amp; Kepski 2014).
 *
 * <ul>
 *   <li>{@code urfall-cam0-falls.csv} / {@code urfall-cam0-adls.csv}: no header, 11 columns: sequence, frame,
 *       label (-1 not lying, 0 temporary pose, 1 lying; mapped to 0/1/2), then 8 depth features. This is the
 *       {@code depth} modality and the row set (one row per frame).
 *   <li>{@code {seq}-data.csv} (frame, ms since start, interpolated SV_total) and {@code {seq}-acc.csv} (ms,
 *       SV_total, x, y, z in g): the {@code acce} modality is the 3 axes of the acc row nearest in time to the
 *       frame's ms.
 *   <li>{@code {seq}-cam0-rgb/} folder or {@code {seq}-cam0-rgb.zip} of frames {@code {seq}-cam0-rgb-001.png}:
 *       the {@code rgb} modality, see {@link io.mlecs.prep.urfall.ImageFeatures}.
 * </ul>
 *
 * Per-sequence files are looked up in the input folder, then in {@code {input}/{seq}/}. A missing file makes
 * that modality missing for the sequence's rows; the manifest records why.
 */
package io.mlecs.prep.urfall;
