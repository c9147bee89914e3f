import { createElement } from '@lwc/engine-dom';
import AccountRiskPanel, {
    describeTrend,
    errorMessage,
    parseReasons,
    signalLabel,
    MAX_FOLLOW_UPS
} from 'c/accountRiskPanel';
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';

const criticalAccount = require('./data/getRecordCritical.json');
const atRiskAccount = require('./data/getRecordAtRisk.json');
const watchAccount = require('./data/getRecordWatch.json');
const healthyAccount = require('./data/getRecordHealthy.json');
const unknownAccount = require('./data/getRecordUnknown.json');
const neverScoredAccount = require('./data/getRecordNeverScored.json');
const followUpTasks = require('./data/getRelatedListRecordsFollowUps.json');
const noTasks = require('./data/getRelatedListRecordsNone.json');

const valueOf = (record, field) => record.fields[field].value;

/** A copy of a fixture with some field values replaced. */
function withValues(record, values) {
    const copy = JSON.parse(JSON.stringify(record));
    Object.entries(values).forEach(([field, value]) => {
        copy.fields[field] = { displayValue: null, value };
    });
    return copy;
}

function mount(recordId = criticalAccount.id) {
    const element = createElement('c-account-risk-panel', { is: AccountRiskPanel });
    element.recordId = recordId;
    document.body.appendChild(element);
    return element;
}

// Wire emissions re-render asynchronously.
const flush = () => Promise.resolve();

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

describe('c-account-risk-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    describe('data it asks for', () => {
        it('reads the five health fields of the account on the page', async () => {
            mount();
            await flush();

            const config = getRecord.getLastConfig();
            expect(config.recordId).toBe(criticalAccount.id);
            const fields = config.fields.map((f) => `${f.objectApiName}.${f.fieldApiName}`);
            expect(fields).toEqual(
                expect.arrayContaining([
                    'Account.Health_Score__c',
                    'Account.Risk_Level__c',
                    'Account.Risk_Reasons__c',
                    'Account.Health_Trend__c',
                    'Account.Health_Scored_At__c'
                ])
            );
        });

        it("asks for the account's open tasks that carry a risk signal key", async () => {
            mount();
            await flush();

            const config = getRelatedListRecords.getLastConfig();
            expect(config.parentRecordId).toBe(criticalAccount.id);
            expect(config.relatedListId).toBe('Tasks');
            expect(config.fields).toEqual(
                expect.arrayContaining(['Task.Subject', 'Task.ActivityDate', 'Task.Risk_Signal_Key__c'])
            );
            expect(config.where).toMatch(/IsClosed:\s*{\s*eq:\s*false\s*}/);
            expect(config.where).toMatch(/Risk_Signal_Key__c:\s*{\s*ne:\s*null\s*}/);
            expect(config.sortBy).toEqual(['Task.ActivityDate']);
            expect(config.pageSize).toBe(MAX_FOLLOW_UPS);
        });
    });

    describe('states', () => {
        it('shows a spinner until the account arrives', () => {
            const element = mount();

            expect($(element, 'loading')).not.toBeNull();
            expect($(element, 'score')).toBeNull();
        });

        it('says an account Redflag never scored is not scored yet, and shows no score or level', async () => {
            const element = mount(neverScoredAccount.id);
            getRecord.emit(neverScoredAccount);
            await flush();

            expect($(element, 'empty')).not.toBeNull();
            expect($(element, 'empty').textContent).toContain('Not scored yet');
            expect($(element, 'score')).toBeNull();
            expect($(element, 'level')).toBeNull();
            expect($(element, 'error')).toBeNull();
        });

        it('treats a score without an as-of time as never scored', async () => {
            const element = mount();
            getRecord.emit(withValues(criticalAccount, { Health_Scored_At__c: null }));
            await flush();

            expect($(element, 'empty')).not.toBeNull();
            expect($(element, 'level')).toBeNull();
        });

        it('shows the error the platform returned when the account cannot be read', async () => {
            const element = mount();
            const message = "No such column 'Health_Score__c' on entity 'Account'.";
            getRecord.error([{ errorCode: 'INVALID_FIELD', message }], 400, 'Bad Request');
            await flush();

            const error = $(element, 'error');
            expect(error).not.toBeNull();
            expect(error.getAttribute('role')).toBe('alert');
            expect($(element, 'error-text').textContent).toBe(message);
            expect($(element, 'score')).toBeNull();
            expect($(element, 'loading')).toBeNull();
        });

        it('recovers from an error when the account arrives later', async () => {
            const element = mount();
            getRecord.error();
            await flush();
            getRecord.emit(healthyAccount);
            await flush();

            expect($(element, 'error')).toBeNull();
            expect($(element, 'score')).not.toBeNull();
        });
    });

    describe('score and level', () => {
        const levels = [
            { level: 'Healthy', account: healthyAccount, cssClass: 'level_healthy' },
            { level: 'Watch', account: watchAccount, cssClass: 'level_watch' },
            { level: 'At Risk', account: atRiskAccount, cssClass: 'level_at-risk' },
            { level: 'Critical', account: criticalAccount, cssClass: 'level_critical' },
            { level: 'Unknown', account: unknownAccount, cssClass: 'level_unknown' }
        ];

        it.each(levels)('shows a $level account with its score and a $cssClass badge', async ({ level, account, cssClass }) => {
            expect(valueOf(account, 'Risk_Level__c')).toBe(level);
            const element = mount(account.id);
            getRecord.emit(account);
            await flush();

            expect($(element, 'score').textContent).toContain(String(valueOf(account, 'Health_Score__c')));
            const badge = $(element, 'level');
            expect(badge.classList).toContain(cssClass);
            expect(badge.querySelector('.level__label').textContent).toBe(level);
        });

        it('gives every level its own colour class and its own symbol', async () => {
            const seen = [];
            for (const { account } of levels) {
                const element = mount(account.id);
                getRecord.emit(account);
                // eslint-disable-next-line no-await-in-loop
                await flush();
                const badge = $(element, 'level');
                seen.push({
                    cssClass: [...badge.classList].find((c) => c.startsWith('level_')),
                    symbol: badge.querySelector('.level__symbol').textContent
                });
                document.body.removeChild(element);
            }
            expect(new Set(seen.map((s) => s.cssClass)).size).toBe(levels.length);
            expect(new Set(seen.map((s) => s.symbol)).size).toBe(levels.length);
        });

        it('labels a level it does not know as not set, in a neutral badge', async () => {
            const element = mount();
            getRecord.emit(withValues(criticalAccount, { Risk_Level__c: null }));
            await flush();

            const badge = $(element, 'level');
            expect(badge.classList).toContain('level_unset');
            expect(badge.querySelector('.level__label').textContent).toBe('Not set');
        });

        it('rounds the score to a whole number', async () => {
            const element = mount();
            getRecord.emit(withValues(criticalAccount, { Health_Score__c: 41.6 }));
            await flush();

            expect($(element, 'score').querySelector('.score__value').textContent).toBe('42');
        });
    });

    describe('accessibility of the level badge', () => {
        it.each([criticalAccount, atRiskAccount, watchAccount, healthyAccount, unknownAccount].map((account) => ({
            level: account.fields.Risk_Level__c.value,
            account
        })))(
            'names $level in text and in an aria-label, not by colour alone',
            async ({ account }) => {
                const element = mount(account.id);
                getRecord.emit(account);
                await flush();

                const level = valueOf(account, 'Risk_Level__c');
                const badge = $(element, 'level');
                expect(badge.textContent).toContain(level);
                expect(badge.getAttribute('role')).toBe('status');
                expect(badge.getAttribute('aria-label')).toMatch(new RegExp(`^Risk level: ${level}\\b`));
                expect(badge.querySelector('.level__symbol').getAttribute('aria-hidden')).toBe('true');
            }
        );

        it('gives the score an accessible name out of 100', async () => {
            const element = mount();
            getRecord.emit(criticalAccount);
            await flush();

            const score = valueOf(criticalAccount, 'Health_Score__c');
            expect($(element, 'score').getAttribute('aria-label')).toBe(`Health score ${score} out of 100`);
        });
    });

    describe('trend', () => {
        it.each([
            { account: healthyAccount, direction: 'up', symbol: '▲', text: '+6 in 30 days' },
            { account: criticalAccount, direction: 'down', symbol: '▼', text: '−31 in 30 days' },
            { account: watchAccount, direction: 'flat', symbol: '▶', text: 'No change in 30 days' }
        ])('shows a $direction trend as "$symbol $text"', async ({ account, direction, symbol, text }) => {
            const element = mount(account.id);
            getRecord.emit(account);
            await flush();

            const trend = $(element, 'trend');
            expect(trend.dataset.direction).toBe(direction);
            expect(trend.classList).toContain(`trend_${direction}`);
            expect(trend.querySelector('.trend__symbol').textContent).toBe(symbol);
            expect(trend.querySelector('.trend__text').textContent).toBe(text);
            expect(trend.querySelector('.slds-assistive-text').textContent).toMatch(new RegExp(`^Trend ${direction}`));
        });

        it('says there is no trend yet when there is no score from 30 days ago', async () => {
            const element = mount();
            getRecord.emit(withValues(criticalAccount, { Health_Trend__c: null }));
            await flush();

            const trend = $(element, 'trend');
            expect(trend.dataset.direction).toBe('unknown');
            expect(trend.textContent).toContain('No trend yet');
        });
    });

    describe('reasons', () => {
        it('lists each reason on its own line, without blank lines or list markers', async () => {
            const element = mount();
            getRecord.emit(criticalAccount);
            await flush();

            const items = [...$(element, 'reasons').querySelectorAll('li')].map((li) => li.textContent);
            const storedLines = valueOf(criticalAccount, 'Risk_Reasons__c').split('\n');
            expect(items).toHaveLength(storedLines.filter((line) => line.trim()).length);
            expect(items[0]).toBe(storedLines[0]);
            items.forEach((item) => {
                expect(item).not.toMatch(/^[-•*\s]/);
                expect(item).not.toMatch(/\s$/);
            });
            expect(items[1]).toMatch(/^Account owner changed/);
            expect(items[2]).toMatch(/^4 of 5 outbound calls/);
        });

        it('keeps the order Redflag stored them in (most severe first)', async () => {
            const element = mount(atRiskAccount.id);
            getRecord.emit(atRiskAccount);
            await flush();

            const items = [...$(element, 'reasons').querySelectorAll('li')].map((li) => li.textContent);
            expect(items).toEqual(valueOf(atRiskAccount, 'Risk_Reasons__c').split('\n'));
        });

        it('says so when nothing lowered the score', async () => {
            const element = mount(healthyAccount.id);
            getRecord.emit(healthyAccount);
            await flush();

            expect($(element, 'reasons')).toBeNull();
            expect($(element, 'no-reasons')).not.toBeNull();
            expect($(element, 'too-little-evidence')).toBeNull();
        });

        it('explains an Unknown level as too little evidence, not as nothing lowering the score', async () => {
            const element = mount(unknownAccount.id);
            getRecord.emit(unknownAccount);
            await flush();

            expect($(element, 'reasons')).toBeNull();
            expect($(element, 'no-reasons')).toBeNull();
            const note = $(element, 'too-little-evidence');
            expect(note.textContent).toContain('too little evidence to call this account healthy');
            expect(note.textContent).toContain('logged activity, contacts with roles or titles');
            expect($(element, 'level').getAttribute('aria-label')).toBe(
                'Risk level: Unknown (too little evidence in the CRM to judge)'
            );
        });

        it('shows the too-little-evidence note on no level but Unknown', async () => {
            const element = mount();
            getRecord.emit(withValues(unknownAccount, { Risk_Level__c: 'Watch', Risk_Reasons__c: 'A case is open.' }));
            await flush();

            expect([...$(element, 'reasons').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
                'A case is open.'
            ]);
            expect($(element, 'too-little-evidence')).toBeNull();
        });
    });

    describe('open follow-ups', () => {
        it("lists Redflag's open follow-up tasks with a link, the signal and the due date", async () => {
            const element = mount();
            getRecord.emit(criticalAccount);
            getRelatedListRecords.emit(followUpTasks);
            await flush();

            const expected = followUpTasks.records.filter(
                (t) => valueOf(t, 'Risk_Signal_Key__c') && !valueOf(t, 'IsClosed')
            );
            const items = [...$(element, 'follow-ups').querySelectorAll('li')];
            expect(items.map((li) => li.dataset.taskId)).toEqual(expected.map((t) => t.id));

            const first = items[0];
            expect(first.querySelector('a').textContent).toBe(valueOf(expected[0], 'Subject'));
            expect(first.querySelector('a').getAttribute('href')).toBe(`/lightning/r/Task/${expected[0].id}/view`);
            expect(first.querySelector('.follow-ups__signal').textContent).toBe('Key contact left');
            expect(first.querySelector('lightning-formatted-date-time').value).toBe(
                valueOf(expected[0], 'ActivityDate')
            );
            expect(first.querySelector('.follow-ups__priority').textContent).toBe('High priority');
        });

        it("leaves out people's own tasks and closed tasks even if the list returns them", async () => {
            const element = mount();
            getRecord.emit(criticalAccount);
            getRelatedListRecords.emit(followUpTasks);
            await flush();

            const shown = [...$(element, 'follow-ups').querySelectorAll('li')].map((li) => li.dataset.taskId);
            followUpTasks.records
                .filter((t) => !valueOf(t, 'Risk_Signal_Key__c') || valueOf(t, 'IsClosed'))
                .forEach((t) => expect(shown).not.toContain(t.id));
        });

        it('counts the open follow-ups in the heading', async () => {
            const element = mount();
            getRecord.emit(criticalAccount);
            getRelatedListRecords.emit(followUpTasks);
            await flush();

            const count = $(element, 'follow-ups').querySelectorAll('li').length;
            expect(element.shadowRoot.textContent).toContain(`Open follow-ups (${count})`);
        });

        it('says there are none when the account has no open follow-ups', async () => {
            const element = mount();
            getRecord.emit(criticalAccount);
            getRelatedListRecords.emit(noTasks);
            await flush();

            expect($(element, 'follow-ups')).toBeNull();
            expect($(element, 'no-follow-ups')).not.toBeNull();
        });

        it('keeps the score visible and reports the problem when tasks cannot be read', async () => {
            const element = mount();
            getRecord.emit(criticalAccount);
            getRelatedListRecords.error([{ errorCode: 'INSUFFICIENT_ACCESS', message: 'No access to Task.' }], 403);
            await flush();

            expect($(element, 'score')).not.toBeNull();
            expect($(element, 'follow-ups-error').textContent).toContain('No access to Task.');
            expect($(element, 'no-follow-ups')).toBeNull();
        });
    });

    it('shows when the account was last scored', async () => {
        const element = mount();
        getRecord.emit(criticalAccount);
        await flush();

        const when = $(element, 'scored-at').querySelector('lightning-formatted-date-time');
        expect(when.value).toBe(valueOf(criticalAccount, 'Health_Scored_At__c'));
    });
});

describe('formatting helpers', () => {
    it('parseReasons handles empty values, CRLF line ends and numbered lists', () => {
        expect(parseReasons(null)).toEqual([]);
        expect(parseReasons('')).toEqual([]);
        expect(parseReasons('1. First reason.\r\n2) Second reason.\r\n   \r\n* Third.')).toEqual([
            'First reason.',
            'Second reason.',
            'Third.'
        ]);
    });

    it('parseReasons keeps a leading number that is part of the sentence', () => {
        expect(parseReasons('3 cases open longer than 30 days.')).toEqual(['3 cases open longer than 30 days.']);
    });

    it('describeTrend speaks of one point in the singular', () => {
        expect(describeTrend(1).assistiveText).toBe('Trend up: the score rose 1 point in 30 days.');
        expect(describeTrend(-2).assistiveText).toBe('Trend down: the score fell 2 points in 30 days.');
    });

    it('signalLabel turns a risk signal key into words', () => {
        expect(signalLabel('NO_EXECUTIVE_ACCESS:001RF00000Acme1AAA')).toBe('No executive access');
        expect(signalLabel('')).toBe('');
        expect(signalLabel(null)).toBe('');
    });

    it('errorMessage reads the shapes Lightning Data Service errors come in', () => {
        expect(errorMessage({ body: { message: 'Single.' } })).toBe('Single.');
        expect(errorMessage({ body: [{ message: 'One.' }, { message: 'Two.' }] })).toBe('One. Two.');
        expect(errorMessage([{ message: 'Plain JS error.' }])).toBe('Plain JS error.');
        expect(errorMessage(undefined)).toBe('Unknown error.');
    });
});
