// Stand-in for lightning/uiRelatedListApi: getRelatedListRecords serves the page's task list.
export class getRelatedListRecords {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }

    update(config) {
        const { tasks } = window.__REDFLAG_RENDER__;
        if (config.parentRecordId) {
            this.dataCallback({ data: tasks, error: undefined });
        }
    }

    connect() {}

    disconnect() {}
}
