const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
    // Metadata checks run under node's own test runner (npm run test:metadata).
    testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/test/']
};
