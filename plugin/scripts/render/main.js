import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import AccountRiskPanel from 'c/accountRiskPanel';

const panel = createElement('c-account-risk-panel', { is: AccountRiskPanel });
panel.recordId = window.__REDFLAG_RENDER__.account.id;
document.querySelector('#panel').appendChild(panel);
