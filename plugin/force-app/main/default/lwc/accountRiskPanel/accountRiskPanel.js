import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';

import HEALTH_SCORE_FIELD from '@salesforce/schema/Account.Health_Score__c';
import RISK_LEVEL_FIELD from '@salesforce/schema/Account.Risk_Level__c';
import RISK_REASONS_FIELD from '@salesforce/schema/Account.Risk_Reasons__c';
import HEALTH_TREND_FIELD from '@salesforce/schema/Account.Health_Trend__c';
import HEALTH_SCORED_AT_FIELD from '@salesforce/schema/Account.Health_Scored_At__c';

import TASK_SUBJECT_FIELD from '@salesforce/schema/Task.Subject';
import TASK_DUE_DATE_FIELD from '@salesforce/schema/Task.ActivityDate';
import TASK_PRIORITY_FIELD from '@salesforce/schema/Task.Priority';
import TASK_STATUS_FIELD from '@salesforce/schema/Task.Status';
import TASK_IS_CLOSED_FIELD from '@salesforce/schema/Task.IsClosed';
import TASK_SIGNAL_KEY_FIELD from '@salesforce/schema/Task.Risk_Signal_Key__c';

const ACCOUNT_FIELDS = [
    HEALTH_SCORE_FIELD,
    RISK_LEVEL_FIELD,
    RISK_REASONS_FIELD,
    HEALTH_TREND_FIELD,
    HEALTH_SCORED_AT_FIELD
];

// The related list API takes "Object.Field" strings; building them from the schema imports keeps the
// platform's check that the fields exist.
const qualified = (field) => `${field.objectApiName}.${field.fieldApiName}`;

const TASK_FIELDS = [
    TASK_SUBJECT_FIELD,
    TASK_DUE_DATE_FIELD,
    TASK_PRIORITY_FIELD,
    TASK_STATUS_FIELD,
    TASK_IS_CLOSED_FIELD,
    TASK_SIGNAL_KEY_FIELD
].map(qualified);

// Redflag's follow-ups: open Tasks on this account that carry a risk signal key (UI API where, GraphQL syntax).
const OPEN_FOLLOW_UPS_FILTER = `{ and: [ { ${TASK_IS_CLOSED_FIELD.fieldApiName}: { eq: false } }, { ${TASK_SIGNAL_KEY_FIELD.fieldApiName}: { ne: null } } ] }`;

export const MAX_FOLLOW_UPS = 10;

// Levels as Risk_Level__c spells them. Colour is never the only cue: the badge always carries the
// level's name, and each level has its own symbol.
const LEVELS = {
    Healthy: { cssClass: 'level level_healthy', symbol: '●', meaning: 'no significant risk found' },
    Watch: { cssClass: 'level level_watch', symbol: '◆', meaning: 'early warning signs' },
    'At Risk': { cssClass: 'level level_at-risk', symbol: '▲', meaning: 'several risk signals, act this month' },
    Critical: { cssClass: 'level level_critical', symbol: '■', meaning: 'serious risk, act this week' },
    // No risk found, but too few signals had the records they need: no evidence is not good health.
    Unknown: { cssClass: 'level level_unknown', symbol: '?', meaning: 'too little evidence in the CRM to judge' }
};
const UNSET_LEVEL = { cssClass: 'level level_unset', symbol: '○', meaning: 'level not set' };

// Leading list markers people or tools may put in front of a reason.
const BULLET = /^\s*(?:[-*•·]|\d+[.)])\s+/;

/**
 * Splits Risk_Reasons__c (one sentence per line) into display lines, dropping blank lines and list markers.
 * @param {string} text the field value, possibly null
 * @returns {string[]} the reasons in stored order
 */
export function parseReasons(text) {
    if (!text) {
        return [];
    }
    return text
        .split(/\r?\n/)
        .map((line) => line.replace(BULLET, '').trim())
        .filter((line) => line.length > 0);
}

/**
 * Describes a 30-day score change for people: a direction, a symbol and a signed number.
 * @param {number|null|undefined} trend score now minus score 30 days ago
 */
export function describeTrend(trend) {
    if (trend === null || trend === undefined || Number.isNaN(Number(trend))) {
        return {
            direction: 'unknown',
            symbol: '',
            text: 'No trend yet (no score from 30 days ago)',
            assistiveText: 'No trend yet: there is no score from 30 days ago.'
        };
    }
    const points = Math.round(Number(trend));
    const size = Math.abs(points);
    const unit = size === 1 ? 'point' : 'points';
    if (points > 0) {
        return {
            direction: 'up',
            symbol: '▲',
            text: `+${points} in 30 days`,
            assistiveText: `Trend up: the score rose ${size} ${unit} in 30 days.`
        };
    }
    if (points < 0) {
        return {
            direction: 'down',
            symbol: '▼',
            text: `−${size} in 30 days`,
            assistiveText: `Trend down: the score fell ${size} ${unit} in 30 days.`
        };
    }
    return {
        direction: 'flat',
        symbol: '▶',
        text: 'No change in 30 days',
        assistiveText: 'Trend flat: the score did not change in 30 days.'
    };
}

/**
 * Turns the signal part of a Risk_Signal_Key__c (SIGNAL:accountId[:subjectId]) into words,
 * e.g. KEY_CONTACT_LEFT:001…:003… → "Key contact left".
 */
export function signalLabel(key) {
    const signal = (key ?? '').split(':')[0].trim();
    if (!signal) {
        return '';
    }
    const words = signal.toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The message to show for a Lightning Data Service error (a FetchResponse, or an array of them).
 */
export function errorMessage(error) {
    const errors = Array.isArray(error) ? error : [error];
    const messages = errors
        .filter(Boolean)
        .flatMap((e) => {
            if (Array.isArray(e.body)) {
                return e.body.map((b) => b.message);
            }
            if (e.body && typeof e.body.message === 'string') {
                return [e.body.message];
            }
            return typeof e.message === 'string' ? [e.message] : [];
        })
        .filter((m) => typeof m === 'string' && m.length > 0);
    return messages.length > 0 ? messages.join(' ') : 'Unknown error.';
}

function fieldValue(record, field) {
    const value = record.fields[field]?.value;
    return value === undefined ? null : value;
}

export default class AccountRiskPanel extends LightningElement {
    @api recordId;

    account;
    accountError;
    followUpRecords = [];
    followUpsError;
    followUpsLoaded = false;

    @wire(getRecord, { recordId: '$recordId', fields: ACCOUNT_FIELDS })
    wiredAccount({ data, error }) {
        if (data) {
            this.account = data;
            this.accountError = undefined;
        } else if (error) {
            this.account = undefined;
            this.accountError = error;
        }
    }

    @wire(getRelatedListRecords, {
        parentRecordId: '$recordId',
        relatedListId: 'Tasks',
        fields: TASK_FIELDS,
        where: OPEN_FOLLOW_UPS_FILTER,
        sortBy: [qualified(TASK_DUE_DATE_FIELD)],
        pageSize: MAX_FOLLOW_UPS
    })
    wiredFollowUps({ data, error }) {
        if (data) {
            this.followUpRecords = data.records ?? [];
            this.followUpsError = undefined;
            this.followUpsLoaded = true;
        } else if (error) {
            this.followUpRecords = [];
            this.followUpsError = error;
            this.followUpsLoaded = true;
        }
    }

    get isLoading() {
        return !this.account && !this.accountError;
    }

    get hasError() {
        return Boolean(this.accountError);
    }

    get errorText() {
        return errorMessage(this.accountError);
    }

    get scoredAt() {
        return this.account ? getFieldValue(this.account, HEALTH_SCORED_AT_FIELD) : null;
    }

    /** An account Redflag has never assessed has no as-of time; its other fields mean nothing yet. */
    get isScored() {
        return Boolean(this.account) && Boolean(this.scoredAt);
    }

    get isNeverScored() {
        return Boolean(this.account) && !this.scoredAt;
    }

    get score() {
        const value = getFieldValue(this.account, HEALTH_SCORE_FIELD);
        return value === null || value === undefined ? '–' : String(Math.round(value));
    }

    get level() {
        return getFieldValue(this.account, RISK_LEVEL_FIELD) || '';
    }

    get levelStyle() {
        return LEVELS[this.level] ?? UNSET_LEVEL;
    }

    /** Unknown: Redflag found no risk but could not check enough of its signals to call the account healthy. */
    get isUnknown() {
        return this.level === 'Unknown';
    }

    get levelLabel() {
        return this.level || 'Not set';
    }

    get badgeClass() {
        return this.levelStyle.cssClass;
    }

    get badgeSymbol() {
        return this.levelStyle.symbol;
    }

    get badgeAssistiveLabel() {
        return `Risk level: ${this.levelLabel} (${this.levelStyle.meaning})`;
    }

    get scoreAssistiveLabel() {
        return `Health score ${this.score} out of 100`;
    }

    get trend() {
        return describeTrend(getFieldValue(this.account, HEALTH_TREND_FIELD));
    }

    get trendClass() {
        return `trend trend_${this.trend.direction}`;
    }

    get reasons() {
        return parseReasons(getFieldValue(this.account, RISK_REASONS_FIELD)).map((text, index) => ({
            key: `reason-${index}`,
            text
        }));
    }

    get hasReasons() {
        return this.reasons.length > 0;
    }

    /** The wire's where clause does the filtering; this re-check keeps people's own tasks out if it is not applied. */
    get followUps() {
        return this.followUpRecords
            .filter((task) => fieldValue(task, TASK_SIGNAL_KEY_FIELD.fieldApiName))
            .filter((task) => fieldValue(task, TASK_IS_CLOSED_FIELD.fieldApiName) !== true)
            .map((task) => ({
                id: task.id,
                url: `/lightning/r/Task/${task.id}/view`,
                subject: fieldValue(task, TASK_SUBJECT_FIELD.fieldApiName) || '(no subject)',
                dueDate: fieldValue(task, TASK_DUE_DATE_FIELD.fieldApiName),
                priority: fieldValue(task, TASK_PRIORITY_FIELD.fieldApiName),
                isHighPriority: fieldValue(task, TASK_PRIORITY_FIELD.fieldApiName) === 'High',
                signal: signalLabel(fieldValue(task, TASK_SIGNAL_KEY_FIELD.fieldApiName))
            }));
    }

    get hasFollowUps() {
        return this.followUps.length > 0;
    }

    get noFollowUps() {
        return this.followUpsLoaded && !this.followUpsError && this.followUps.length === 0;
    }

    get followUpsErrorText() {
        return errorMessage(this.followUpsError);
    }

    get followUpsHeading() {
        const count = this.followUps.length;
        return count > 0 ? `Open follow-ups (${count})` : 'Open follow-ups';
    }
}
