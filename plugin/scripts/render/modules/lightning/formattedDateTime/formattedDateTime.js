import { LightningElement, api } from 'lwc';

// Stand-in for lightning-formatted-date-time. Always en-US and UTC, so screenshots do not depend on the
// machine that renders them.
export default class FormattedDateTime extends LightningElement {
    @api value;
    @api year;
    @api month;
    @api day;
    @api hour;
    @api minute;
    @api timeZone;

    get formatted() {
        if (!this.value) {
            return '';
        }
        const options = { timeZone: 'UTC' };
        ['year', 'month', 'day', 'hour', 'minute'].forEach((part) => {
            if (this[part]) {
                options[part] = this[part];
            }
        });
        if (options.hour) {
            options.timeZoneName = 'short';
        }
        return new Intl.DateTimeFormat('en-US', options).format(new Date(this.value));
    }
}
