package io.mlecs.prep;

/** Help texts of {@code prep}. */
public final class PrepHelp {
  private PrepHelp() {}

  /** {@code prep --help}. */
  public static String general() {
    return """
        Usage: prep urfall|vast --input DIR --output DIR [options]
        Turns a raw UR-FALL or VAST folder into partitioned Parquet (data/) plus _manifest.json.
        Run 'prep urfall --help' or 'prep vast --help' for the options.
        Exit codes: 0 ok, 1 I/O or internal failure, 2 bad usage or bad input.
        """;
  }

  /** {@code prep urfall --help} / {@code prep vast --help}. */
  public static String forDataset(DatasetKind kind) {
    String intro =
        kind == DatasetKind.URFALL
            ? """
            Usage: prep urfall --input DIR --output DIR [options]
            Reads urfall-cam0-falls.csv / urfall-cam0-adls.csv (one row per frame; modality depth = the 8 depth
            features), {seq}-data.csv + {seq}-acc.csv (modality acce = x,y,z of the nearest acc row) and
            {seq}-cam0-rgb/ or {seq}-cam0-rgb.zip frames (modality rgb = 8x8 grayscale grid + RGB histograms,
            88 floats). A missing acc or rgb source makes that modality missing for those rows (see the manifest).
            Labels -1/0/1 become 0/1/2; the target text is the label as text.
            """
            : """
            Usage: prep vast --input DIR --output DIR [options]
            Reads annotations.json (JSON array) or annotations.jsonl (JSON lines) with clip_id, vast_cap (target),
            vision_cap, audio_cap, subtitle, and vision/{clip_id}.npy, audio/{clip_id}.npy features (.npy v1/v2,
            little-endian float32/float64, 1-D, or 2-D averaged over rows). Modalities: vision, audio, subtitle.
            """;
    return intro
        + "Modalities (presence_mask bit order): " + String.join(", ", kind.modalities()) + "\n"
        + HelpText.options(PrepOptionTable.OPTIONS, kind)
        + "Output: --output/data/*.parquet (rows sorted by device_id, sample_id) and --output/_manifest.json,\n"
        + "written to a temporary sibling directory and renamed into place.\n"
        + "Exit codes: 0 ok, 1 I/O or internal failure, 2 bad usage or bad input.\n";
  }
}
