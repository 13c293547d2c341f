/**
 * `attune/analysis`: tools for data gathered from many visitors, run offline
 * or on a server: experiment statistics and k-means++ centroids.
 */
export { analyzeExperiment, normalCdf, normalQuantile, probabilityToBeat } from './core/stats'
export type { AnalyzeOptions, ArmAnalysis, ArmCounts, ExperimentAnalysis } from './core/stats'
export { trainKMeans } from './core/kmeans'
export type { KMeansOptions, KMeansResult } from './core/kmeans'
