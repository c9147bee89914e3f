import { LightningElement, api } from 'lwc';

// Stand-in for lightning-card, enough to show the panel's layout in a screenshot.
export default class Card extends LightningElement {
    @api title;
    @api iconName;
}
