package io.mlecs.prep.output;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The Parquet schema of prepared rows, shared by UR-FALL and VAST (a contract other modules read). */
public final class PreparedSchema {
  public static final String SAMPLE_ID = "sample_id";
  public static final String GROUP_ID = "group_id";
  public static final String DATASET = "dataset";
  public static final String ROLE = "role";
  public static final String DEVICE_ID = "device_id";
  public static final String SPLIT = "split";
  public static final String FEATURES = "features";
  public static final String TEXTS = "texts";
  public static final String PRESENCE_MASK = "presence_mask";
  public static final String TARGET_TEXT = "target_text";
  public static final String LABEL = "label";
  /** The data folder inside an output directory. */
  public static final String DATA_DIR = "data";
  /** The manifest file inside an output directory. */
  public static final String MANIFEST = "_manifest.json";

  /** sample_id, group_id, dataset, role, device_id, split, features, texts, presence_mask, target_text, label. */
  public static final StructType SCHEMA =
      new StructType()
          .add(SAMPLE_ID, DataTypes.StringType, false)
          .add(GROUP_ID, DataTypes.StringType, false)
          .add(DATASET, DataTypes.StringType, false)
          .add(ROLE, DataTypes.StringType, false)
          .add(DEVICE_ID, DataTypes.IntegerType, false)
          .add(SPLIT, DataTypes.StringType, false)
          .add(
              FEATURES,
              DataTypes.createMapType(
                  DataTypes.StringType, DataTypes.createArrayType(DataTypes.FloatType, false), false),
              false)
          .add(TEXTS, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), false)
          .add(PRESENCE_MASK, DataTypes.IntegerType, false)
          .add(TARGET_TEXT, DataTypes.StringType, false)
          .add(LABEL, DataTypes.IntegerType, true);

  private PreparedSchema() {}
}
