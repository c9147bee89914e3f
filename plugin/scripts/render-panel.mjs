#!/usr/bin/env node
// Renders accountRiskPanel for a Critical and a Healthy account into PNGs in docs/, so the README can show
// what reps see. The component is compiled with LWC OSS (the same compiler the platform uses) and mounted
// in headless Chromium; Lightning base components and the Lightning Data Service wire adapters are
// replaced by small stand-ins in scripts/render/modules/lightning that serve the Jest fixtures.
//
// Usage: node scripts/render-panel.mjs        (CHROMIUM=/path/to/chrome to pick the browser)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';

const PLUGIN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const RENDER_DIR = join(PLUGIN_DIR, 'scripts', 'render');
const COMPONENT_DIR = join(PLUGIN_DIR, 'force-app', 'main', 'default', 'lwc', 'accountRiskPanel');
const FIXTURES_DIR = join(COMPONENT_DIR, '__tests__', 'data');
const DOCS_DIR = join(PLUGIN_DIR, 'docs');

const SCENARIOS = [
    {
        name: 'critical',
        account: 'getRecordCritical.json',
        tasks: 'getRelatedListRecordsFollowUps.json',
        height: 400
    },
    { name: 'healthy', account: 'getRecordHealthy.json', tasks: 'getRelatedListRecordsNone.json', height: 260 }
];

const CHROMIUM_FLAGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    '--virtual-time-budget=3000'
];

/** @salesforce/schema/Object.Field imports become the { objectApiName, fieldApiName } the platform provides. */
function salesforceSchema() {
    const PREFIX = '@salesforce/schema/';
    return {
        name: 'salesforce-schema',
        resolveId(id) {
            return id.startsWith(PREFIX) ? `\0schema:${id.slice(PREFIX.length)}` : null;
        },
        load(id) {
            if (!id.startsWith('\0schema:')) {
                return null;
            }
            const [objectApiName, fieldApiName] = id.slice('\0schema:'.length).split('.');
            return `export default ${JSON.stringify(fieldApiName ? { objectApiName, fieldApiName } : { objectApiName })};`;
        }
    };
}

async function bundle() {
    const build = await rollup({
        input: join(RENDER_DIR, 'main.js'),
        plugins: [
            salesforceSchema(),
            replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
            lwc({
                rootDir: RENDER_DIR,
                modules: [
                    { name: 'c/accountRiskPanel', path: join(COMPONENT_DIR, 'accountRiskPanel.js') },
                    { dir: join(RENDER_DIR, 'modules') }
                ]
            })
        ],
        onwarn(warning, warn) {
            if (warning.code !== 'CIRCULAR_DEPENDENCY') {
                warn(warning);
            }
        }
    });
    const { output } = await build.generate({ format: 'iife', name: 'redflagRender' });
    await build.close();
    return output[0].code;
}

// What SLDS would provide on a real record page: its reset and the few utility classes the panel uses.
const PAGE_CSS = `
    html, body { margin: 0; background: #f3f3f3; }
    body { font-family: "Salesforce Sans", "Segoe UI", Arial, Helvetica, sans-serif; font-size: 13px;
           color: #181818; padding: 16px; }
    h1, h2, h3, p, ul { margin: 0; padding: 0; }
    ul { list-style: none; }
    a { color: #0b5cab; text-decoration: none; }
    .slds-assistive-text { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
                           overflow: hidden; clip: rect(0 0 0 0); border: 0; white-space: nowrap; }
    .slds-text-title_bold { font-weight: 700; font-size: 14px; }
    .slds-text-body_small { font-size: 12px; }
    .slds-var-p-horizontal_medium { padding: 0 1rem; }
    #panel { width: 368px; }
`;

function page(scenario, code) {
    const data = {
        account: JSON.parse(readFileSync(join(FIXTURES_DIR, scenario.account), 'utf8')),
        tasks: JSON.parse(readFileSync(join(FIXTURES_DIR, scenario.tasks), 'utf8'))
    };
    // "<" is escaped so fixture text cannot close the script element.
    const json = JSON.stringify(data).replace(/</g, '\\u003c');
    return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>accountRiskPanel: ${scenario.name}</title><style>${PAGE_CSS}</style></head>
<body>
<div id="panel"></div>
<script>window.__REDFLAG_RENDER__ = ${json};</script>
<script>${code}</script>
</body>
</html>`;
}

function screenshot(chromium, htmlFile, pngFile, height, profileDir) {
    execFileSync(
        chromium,
        [
            ...CHROMIUM_FLAGS,
            `--user-data-dir=${profileDir}`,
            `--window-size=400,${height}`,
            `--screenshot=${pngFile}`,
            pathToFileURL(htmlFile).href
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] }
    );
}

async function main() {
    const chromium = process.env.CHROMIUM || 'chromium';
    const code = await bundle();
    const workDir = mkdtempSync(join(tmpdir(), 'redflag-render-'));
    mkdirSync(DOCS_DIR, { recursive: true });
    try {
        for (const scenario of SCENARIOS) {
            const htmlFile = join(workDir, `${scenario.name}.html`);
            const pngFile = join(DOCS_DIR, `panel-${scenario.name}.png`);
            writeFileSync(htmlFile, page(scenario, code));
            screenshot(chromium, htmlFile, pngFile, scenario.height, join(workDir, 'profile'));
            console.log(`wrote ${pngFile}`);
        }
    } finally {
        rmSync(workDir, { recursive: true, force: true });
    }
}

main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
});
