package io.mlecs.prep.vast;

/**
 * A decoded {@code .npy} array reduced to one vector.
 *
 * @param shape the array's shape (1 or 2 entries)
 * @param vector the 1-D data, or the mean over the rows of a 2-D array
 */
public record NpyArray(int[] shape, float[] vector) {}
