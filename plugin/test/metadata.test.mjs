// Sanity checks on the SFDX source: catches the mistakes a deploy would only reveal in an org.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const PLUGIN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = join(PLUGIN_DIR, 'force-app', 'main', 'default');

// Task and Event custom fields are declared once, on Activity, but granted per object.
const ACTIVITY_OBJECTS = new Set(['Task', 'Event']);

// What Redflag writes back (SIGNALS.md, "Where reps see it").
const WRITTEN_FIELDS = [
    'Account.Health_Score__c',
    'Account.Risk_Level__c',
    'Account.Risk_Reasons__c',
    'Account.Health_Trend__c',
    'Account.Health_Scored_At__c',
    'Task.Risk_Signal_Key__c'
];

const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) =>
        ['fieldPermissions', 'objectPermissions', 'userPermissions', 'customPermissions', 'columns', 'filters',
            'value'].includes(name)
});

function walk(dir) {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

const allFiles = walk(SOURCE_DIR);
const metaFiles = allFiles.filter((f) => f.endsWith('-meta.xml'));
const fieldFiles = metaFiles.filter((f) => f.endsWith('.field-meta.xml'));
const permissionSetFiles = metaFiles.filter((f) => f.endsWith('.permissionset-meta.xml'));
const listViewFiles = metaFiles.filter((f) => f.endsWith('.listView-meta.xml'));
const customPermissionFiles = metaFiles.filter((f) => f.endsWith('.customPermission-meta.xml'));

// The custom permission by which the Redflag service recognises an administrator at login.
const ADMIN_PERMISSION = 'Redflag_Admin';

function parse(file) {
    return parser.parse(readFileSync(file, 'utf8'));
}

/** Declared custom fields as "Object.Field__c", from objects/<Object>/fields/<Field>.field-meta.xml. */
const declaredFields = new Map(
    fieldFiles.map((file) => {
        const object = basename(dirname(dirname(file)));
        const field = basename(file, '.field-meta.xml');
        return [`${object}.${field}`, parse(file).CustomField];
    })
);

function declarationOf(grantedField) {
    const [object, field] = grantedField.split('.');
    const declaringObject = ACTIVITY_OBJECTS.has(object) ? 'Activity' : object;
    return declaredFields.get(`${declaringObject}.${field}`);
}

function isCustom(grantedField) {
    return grantedField.endsWith('__c');
}

function fieldPermissions(file) {
    return parse(file).PermissionSet.fieldPermissions ?? [];
}

/** Declared custom permissions by API name, from customPermissions/<Name>.customPermission-meta.xml. */
const declaredCustomPermissions = new Map(
    customPermissionFiles.map((file) => [basename(file, '.customPermission-meta.xml'), parse(file).CustomPermission])
);

/** The custom permissions a permission set enables. */
function enabledCustomPermissions(file) {
    return (parse(file).PermissionSet.customPermissions ?? []).filter((p) => p.enabled === 'true').map((p) => p.name);
}

function permissionSetFile(name) {
    return permissionSetFiles.find((f) => basename(f) === `${name}.permissionset-meta.xml`);
}

/** Every grant a permission set needs to cover the declared fields: Activity fields on both Task and Event. */
function grantableFields() {
    return [...declaredFields.keys()].flatMap((key) => {
        const [object, field] = key.split('.');
        return object === 'Activity' ? [...ACTIVITY_OBJECTS].map((o) => `${o}.${field}`) : [key];
    });
}

test('the source folder holds metadata', () => {
    assert.ok(metaFiles.length > 0, `no *-meta.xml found under ${SOURCE_DIR}`);
    assert.ok(fieldFiles.length >= 11, `expected the 11 Redflag custom fields, found ${fieldFiles.length}`);
});

describe('every *-meta.xml is well-formed XML', () => {
    for (const file of metaFiles) {
        test(relative(PLUGIN_DIR, file), () => {
            const result = XMLValidator.validate(readFileSync(file, 'utf8'));
            assert.equal(result, true, `${relative(PLUGIN_DIR, file)}: ${JSON.stringify(result.err ?? result)}`);
        });
    }
});

describe('every custom field is documented for admins and users', () => {
    for (const [key, field] of declaredFields) {
        test(key, () => {
            assert.equal(field.fullName, key.split('.')[1], `${key}: fullName does not match the file name`);
            for (const element of ['label', 'description', 'inlineHelpText', 'type']) {
                const text = field[element];
                assert.ok(typeof text === 'string' && text.trim().length > 0, `${key} has no <${element}>`);
            }
            // Salesforce limits: label 40, inline help 510 characters.
            assert.ok(field.label.length <= 40, `${key}: label longer than 40 characters`);
            assert.ok(field.inlineHelpText.length <= 510, `${key}: inlineHelpText longer than 510 characters`);
        });
    }
});

test('Risk_Level__c offers exactly the four levels and Unknown, in order, and only those', () => {
    const level = declaredFields.get('Account.Risk_Level__c');
    assert.ok(level, 'Account.Risk_Level__c is not declared');
    assert.equal(level.valueSet.restricted, 'true');
    assert.deepEqual(
        level.valueSet.valueSetDefinition.value.map((v) => v.fullName),
        ['Healthy', 'Watch', 'At Risk', 'Critical', 'Unknown']
    );
});

test('Risk_Signal_Key__c is an external id long enough for SIGNAL:accountId:subjectRecordId', () => {
    const key = declaredFields.get('Activity.Risk_Signal_Key__c');
    assert.ok(key, 'Activity.Risk_Signal_Key__c is not declared');
    assert.equal(key.externalId, 'true');
    // Longest signal name + two 18-character ids + two separators.
    assert.ok(Number(key.length) >= 'UNRETURNED_OUTREACH'.length + 2 * 18 + 2);
});

describe('permission sets reference only fields that exist', () => {
    for (const file of permissionSetFiles) {
        test(basename(file), () => {
            const missing = fieldPermissions(file)
                .map((p) => p.field)
                .filter((f) => isCustom(f) && !declarationOf(f));
            assert.deepEqual(missing, [], `${basename(file)} grants fields that are not declared under objects/`);
        });
    }
});

describe('permission sets cover every field they are for', () => {
    test('Redflag_Integration can edit every field Redflag writes', () => {
        const file = permissionSetFiles.find((f) => basename(f).startsWith('Redflag_Integration.'));
        assert.ok(file, 'Redflag_Integration permission set is missing');
        const editable = new Set(fieldPermissions(file).filter((p) => p.editable === 'true').map((p) => p.field));
        const notEditable = WRITTEN_FIELDS.filter((f) => !editable.has(f));
        assert.deepEqual(notEditable, [], 'the integration user could not write these fields');
    });

    test('Redflag_Integration edits nothing Redflag does not write', () => {
        const file = permissionSetFiles.find((f) => basename(f).startsWith('Redflag_Integration.'));
        const extra = fieldPermissions(file)
            .filter((p) => p.editable === 'true' && !WRITTEN_FIELDS.includes(p.field))
            .map((p) => p.field);
        assert.deepEqual(extra, [], 'least privilege: grant read, not edit, on fields Redflag only reads');
    });

    for (const name of ['Redflag_Integration', 'Redflag_Rep', 'Redflag_Admin']) {
        test(`${name} can read every Redflag custom field`, () => {
            const file = permissionSetFiles.find((f) => basename(f).startsWith(`${name}.`));
            assert.ok(file, `${name} permission set is missing`);
            const readable = new Set(fieldPermissions(file).filter((p) => p.readable === 'true').map((p) => p.field));
            const unreadable = grantableFields().filter((f) => !readable.has(f));
            assert.deepEqual(unreadable, [], `${name} cannot read these fields`);
        });
    }

    for (const name of ['Redflag_Rep', 'Redflag_Admin']) {
        test(`${name} grants no edit on any field`, () => {
            const file = permissionSetFile(name);
            const editable = fieldPermissions(file).filter((p) => p.editable === 'true').map((p) => p.field);
            assert.deepEqual(editable, [], 'people read the health fields; Redflag owns them');
        });
    }

    test('Redflag_Admin grants what Redflag_Rep grants, and the Redflag_Admin custom permission', () => {
        const admin = parse(permissionSetFile('Redflag_Admin')).PermissionSet;
        const rep = parse(permissionSetFile('Redflag_Rep')).PermissionSet;
        assert.deepEqual(admin.fieldPermissions, rep.fieldPermissions);
        assert.deepEqual(admin.objectPermissions, rep.objectPermissions);
        assert.deepEqual(enabledCustomPermissions(permissionSetFile('Redflag_Admin')), [ADMIN_PERMISSION]);
    });

    test('only Redflag_Admin grants the Redflag_Admin custom permission', () => {
        const granting = permissionSetFiles
            .filter((f) => enabledCustomPermissions(f).includes(ADMIN_PERMISSION))
            .map((f) => basename(f, '.permissionset-meta.xml'));
        assert.deepEqual(granting, ['Redflag_Admin']);
    });
});

describe('custom permissions', () => {
    test('Redflag_Admin is declared', () => {
        assert.ok(declaredCustomPermissions.has(ADMIN_PERMISSION), 'customPermissions/Redflag_Admin is missing');
    });

    for (const [name, permission] of declaredCustomPermissions) {
        test(`${name} is documented and needs no licence`, () => {
            for (const element of ['label', 'description']) {
                const text = permission[element];
                assert.ok(typeof text === 'string' && text.trim().length > 0, `${name} has no <${element}>`);
            }
            // Salesforce limits: label 80, description 255 characters; API name 40 (the userinfo claim's key).
            assert.ok(permission.label.length <= 80, `${name}: label longer than 80 characters`);
            assert.ok(permission.description.length <= 255, `${name}: description longer than 255 characters`);
            assert.ok(name.length <= 40 && /^[A-Za-z](_?[A-Za-z0-9])*$/.test(name), `${name} is no valid API name`);
            assert.equal(permission.isLicensed, 'false', `${name} would need a permission set licence`);
        });
    }

    for (const file of permissionSetFiles) {
        test(`${basename(file)} enables only declared custom permissions`, () => {
            const missing = enabledCustomPermissions(file).filter((n) => !declaredCustomPermissions.has(n));
            assert.deepEqual(missing, [], `${basename(file)} enables undeclared custom permissions`);
        });
    }
});

describe('list views use fields that exist', () => {
    for (const file of listViewFiles) {
        test(basename(file), () => {
            const object = basename(dirname(dirname(file)));
            const view = parse(file).ListView;
            assert.ok(view.label, `${basename(file)} has no label`);
            assert.equal(view.fullName, basename(file, '.listView-meta.xml'));
            const referenced = [...(view.columns ?? []), ...(view.filters ?? []).map((f) => f.field)];
            const missing = referenced
                .filter((f) => f.endsWith('__c'))
                .filter((f) => !declaredFields.has(`${object}.${f}`));
            assert.deepEqual(missing, [], `${basename(file)} references undeclared ${object} fields`);
        });
    }
});
