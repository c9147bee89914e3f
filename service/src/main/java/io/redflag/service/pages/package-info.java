/**
 * The dashboard: server-rendered pages (Thymeleaf) for sales leaders and admins, with plots drawn in the browser
 * from data the page carries. Reads the store; the admin's scorecard editor goes through the backtest's DryRun and
 * ActiveScorecard.
 */
package io.redflag.service.pages;
