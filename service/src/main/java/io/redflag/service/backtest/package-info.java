/**
 * The backtest: scorecards replayed over the store as it was on earlier days ({@link
 * io.redflag.service.backtest.Replay}, also the dashboard's dry run), judged by the outcomes of the scorecard file,
 * with naive baselines, suggested weights and the report ({@code java -jar redflag-service.jar backtest}).
 */
package io.redflag.service.backtest;
