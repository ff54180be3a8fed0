/**
 * The {@code report} command: renders a self-contained HTML report (inline CSS and SVG, no scripts,
 * no network) of a run directory or a sweep directory ({@link io.mlecs.report.ReportCommand}).
 *
 * <p>Input contract, run directory: {@code run-manifest.json} (run_id, method, dataset, seed, rounds,
 * num_devices, device_model_params, device_lora_params, config, versions),
 * {@code metrics/metrics.csv} ({@code round,device,split,metric,value}), {@code metrics/bytes.csv}
 * ({@code round,direction,payload,bytes}) and {@code metrics/rounds.csv} ({@code round,seconds}).
 * Sweep directory: {@code results.csv}
 * ({@code method,mer,num_devices,seed,round,device,split,metric,value}) plus optional
 * {@code bytes.csv} ({@code method,mer,num_devices,seed,round,direction,payload,bytes}) and
 * {@code device_params.csv} ({@code method,num_devices,device_model_params}). See
 * {@link io.mlecs.report.data} for the reading rules.
 */
package io.mlecs.report;
