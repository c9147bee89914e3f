// Stand-in for lightning/uiRecordApi: getRecord serves the record the page put in window.__REDFLAG_RENDER__.
export class getRecord {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }

    update(config) {
        const { account } = window.__REDFLAG_RENDER__;
        if (config.recordId) {
            this.dataCallback({ data: account, error: undefined });
        }
    }

    connect() {}

    disconnect() {}
}

export function getFieldValue(record, field) {
    const name = typeof field === 'string' ? field.split('.').pop() : field.fieldApiName;
    const entry = record && record.fields ? record.fields[name] : undefined;
    return entry === undefined ? undefined : entry.value;
}
