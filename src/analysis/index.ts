/**
 * `attune/analysis`: tools for data gathered from many visitors, run offline
 * or on a server: experiment statistics and k-means++ centroids.
 */
export { analyzeExperiment, normalCdf, normalQuantile, probabilityToBeat } from './stats'
export type { AnalyzeOptions, ArmAnalysis, ArmCounts, ExperimentAnalysis } from './stats'
export { trainKMeans } from './kmeans'
export type { KMeansOptions, KMeansResult } from './kmeans'
