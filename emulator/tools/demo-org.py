#!/usr/bin/env python3
"""Writes the demo org (emulator/src/main/resources/demo-org/) as an sf data tree plan.

Every date is authored as of the anchor 2026-06-30 (load with --rebase-dates 2026-06-30). Each account tells
one story from shared/SIGNALS.md; emulator/demo-org.md says which. Deterministic: rerunning gives the same files.
Run: python3 emulator/tools/demo-org.py
"""
import json, os, random
from datetime import datetime, timedelta, timezone

T = datetime(2026, 6, 30, 12, 0, tzinfo=timezone.utc)   # the anchor: "today" for the story
START = T - timedelta(days=730)
OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'demo-org')
rnd = random.Random(20260630)
files = {k: [] for k in ['User', 'Account', 'AccountHistory', 'Contact', 'Opportunity', 'OpportunityContactRole',
                         'OpportunityHistory', 'Case', 'Task', 'Event']}
counter = {}

def ref(kind):
    counter[kind] = counter.get(kind, 0) + 1
    return f'{kind}Ref{counter[kind]}'

def ts(d):
    return d.strftime('%Y-%m-%dT%H:%M:%S.000Z')

def day(n, hour=15, minute=0):
    """n days before the anchor (negative = future), at a US business hour in UTC."""
    return (T - timedelta(days=n)).replace(hour=hour, minute=minute)

def add(kind, fields):
    r = ref(kind)
    rec = {'attributes': {'type': kind, 'referenceId': r}}
    rec.update({k: v for k, v in fields.items() if v is not None})
    files[kind].append(rec)
    return '@' + r

def stamp(created, modified=None):
    return {'CreatedDate': ts(created), 'LastModifiedDate': ts(modified or created),
            'SystemModstamp': ts(modified or created)}

# ------------------------------------------------------------------ users
def user(first, last, title, manager=None, active=True, created=day(900), left=None):
    login = f'{first}.{last}@redflag-demo.example'.lower()
    return add('User', dict(Username=login, FirstName=first, LastName=last, Email=login,
                            Alias=(first[0] + last)[:8].lower(), Title=title, Department='Sales', IsActive=active,
                            ManagerId=manager, TimeZoneSidKey='America/New_York', **stamp(created, left or created)))

VP = user('Diane', 'Foster', 'VP Sales, North America')
EAST = user('Marcus', 'Webb', 'Sales Manager, East', VP)
WEST = user('Elena', 'Ruiz', 'Sales Manager, West', VP)
ALEX = user('Alex', 'Morgan', 'Strategic Account Manager', EAST)
JORDAN = user('Jordan', 'Lee', 'Strategic Account Manager', EAST)
SAM = user('Sam', 'Patel', 'Strategic Account Manager', WEST)
CHLOE = user('Chloe', 'Nguyen', 'Strategic Account Manager', WEST)
TOM = user('Tom', 'Becker', 'Strategic Account Manager', EAST, active=False, left=day(46, 17))
GREG = user('Greg', 'Lawson', 'Account Manager', WEST)
RACHEL = user('Rachel', 'Kim', 'Strategic Account Manager', EAST, created=day(140))

# ------------------------------------------------------------------ helpers for the stories
TOPICS = ['quarterly business review', 'renewal planning', 'rollout to the second site', 'support follow-up',
          'usage and adoption report', 'integration timeline', 'training plan for new staff', 'pricing for the expansion',
          'security review', 'roadmap preview']

def hhmm():
    return rnd.choice([14, 15, 16, 17, 18, 19, 20]), rnd.choice([0, 15, 30, 45])

def task_call(acc, who, owner, n, disposition='Connected', direction='Outbound', what=None, subject=None):
    h, m = hhmm(); when = day(n, h, m)
    topic = subject or rnd.choice(TOPICS)
    return add('Task', dict(WhoId=who, WhatId=what or acc, OwnerId=owner, Subject=f'Call: {topic}',
                            ActivityDate=when.date().isoformat(), Status='Completed', Priority='Normal', Type='Call',
                            TaskSubtype='Call', CallType=direction, CallDisposition=disposition,
                            CallDurationInSeconds=(300 + rnd.randint(0, 1500)) if disposition == 'Connected' else 25,
                            CompletedDateTime=ts(when), CreatedById=owner, LastModifiedById=owner, **stamp(when)))

def task_email(acc, who, owner, n, inbound=False, subject=None, description=None):
    h, m = hhmm(); when = day(n, h, m)
    topic = subject or rnd.choice(TOPICS)
    return add('Task', dict(WhoId=who, WhatId=acc, OwnerId=owner,
                            Subject=('Email: Re: ' if inbound else 'Email: ') + topic,
                            Description=description or ('Inbound reply from the customer.' if inbound else None),
                            ActivityDate=when.date().isoformat(), Status='Completed', Priority='Normal', Type='Email',
                            TaskSubtype='Email', CompletedDateTime=ts(when), CreatedById=owner, LastModifiedById=owner,
                            **stamp(when)))

def meeting(acc, who, owner, n, status='Held', subject=None, minutes=60, description=None):
    h, _ = hhmm(); when = day(n, h, 0)
    booked = when - timedelta(days=7) if n > 0 else T - timedelta(days=3)
    booked = min(booked, T - timedelta(days=1))
    modified = when + timedelta(hours=2) if n > 0 else booked
    return add('Event', dict(WhoId=who, WhatId=acc, OwnerId=owner, Subject='Meeting: ' + (subject or rnd.choice(TOPICS)),
                             StartDateTime=ts(when), EndDateTime=ts(when + timedelta(minutes=minutes)),
                             DurationInMinutes=minutes, Type='Meeting', Meeting_Status__c=status,
                             Location=rnd.choice(['Video call', 'Customer site', 'Our office']), Description=description,
                             CreatedById=owner, LastModifiedById=owner, **stamp(booked, modified)))

def follow_up(acc, who, owner, due_in, subject):
    when = day(2, 16)
    return add('Task', dict(WhoId=who, WhatId=acc, OwnerId=owner, Subject=subject, ActivityDate=day(-due_in).date().isoformat(),
                            Status='Not Started', Priority='Normal', CreatedById=owner, LastModifiedById=owner, **stamp(when)))

def cadence(acc, who, owner, every, first=700, last=1, kinds=('call', 'email', 'meeting'), owner_before=None):
    """A contact engaged every `every` days (half as often in the first year), from `first` to `last` days ago."""
    n = first
    i = rnd.randrange(len(kinds))
    while n >= last:
        o = owner_before[1] if owner_before and n > owner_before[0] else owner
        kind = kinds[i % len(kinds)]; i += 1
        if kind == 'call':
            task_call(acc, who, o, n, direction=rnd.choice(['Outbound', 'Outbound', 'Inbound']))
        elif kind == 'email':
            topic = rnd.choice(TOPICS)
            task_email(acc, who, o, n, subject=topic)
            if n - 1 >= last:
                task_email(acc, who, o, n - 1, inbound=True, subject=topic)
        else:
            meeting(acc, who, o, n)
        step = every * (2 if n > 365 else 1)
        n -= max(1, step + rnd.randint(-2, 2))

def contact(acc, owner, first, last, title, created=None, email_domain='example.com', **extra):
    email = f'{first}.{last}@{email_domain}'.lower().replace(' ', '')
    created = created or day(720 - rnd.randint(0, 20), 14)
    return add('Contact', dict(AccountId=acc, FirstName=first, LastName=last, Title=title, Email=email,
                               Phone=f'(555) 01{rnd.randint(10, 99)}-{rnd.randint(1000, 9999)}', OwnerId=owner,
                               CreatedById=owner, **{**stamp(created, extra.pop('modified', created)), **extra}))

STAGES = ['Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition', 'Id. Decision Makers',
          'Perception Analysis', 'Proposal/Price Quote', 'Negotiation/Review']
PROB = {'Prospecting': 10, 'Qualification': 10, 'Needs Analysis': 20, 'Value Proposition': 50, 'Id. Decision Makers': 60,
        'Perception Analysis': 70, 'Proposal/Price Quote': 75, 'Negotiation/Review': 90, 'Closed Won': 100, 'Closed Lost': 0}

def opp_history(opp, owner, rows):
    prev = None
    for when, stage, amount, close in rows:
        add('OpportunityHistory', dict(OpportunityId=opp, StageName=stage, Amount=amount, CloseDate=close,
                                       Probability=PROB[stage], ExpectedRevenue=amount * PROB[stage] / 100,
                                       PrevAmount=prev[2] if prev else None, PrevCloseDate=prev[3] if prev else None,
                                       CreatedById=owner, CreatedDate=ts(when), SystemModstamp=ts(when)))
        prev = (when, stage, amount, close)

def won(acc, owner, name, amount, closed_days_ago, buyer, won_=True, **extra):
    closed = day(closed_days_ago, 21)
    opened = closed - timedelta(days=90)
    close = closed.date().isoformat()
    stage = 'Closed Won' if won_ else 'Closed Lost'
    o = add('Opportunity', dict(AccountId=acc, Name=name, StageName=stage, Amount=amount, CloseDate=close,
                                Probability=PROB[stage], Type='Existing Business', OwnerId=owner, CreatedById=owner,
                                LastModifiedById=owner, **{**stamp(opened, closed), **extra}))
    opp_history(o, owner, [(opened, 'Qualification', amount, close),
                           (opened + timedelta(days=45), 'Proposal/Price Quote', amount, close),
                           (closed, stage, amount, close)])
    add('OpportunityContactRole', dict(OpportunityId=o, ContactId=buyer, Role='Decision Maker', IsPrimary=True,
                                       CreatedById=owner, **stamp(opened)))
    return o

def open_opp(acc, owner, name, amount, close_in, buyer, next_step, stage='Proposal/Price Quote', opened_ago=35,
             touched_ago=4, history=None, **extra):
    close = day(-close_in).date().isoformat()
    opened = day(opened_ago, 16)
    o = add('Opportunity', dict(AccountId=acc, Name=name, StageName=stage, Amount=amount, CloseDate=close,
                                Probability=PROB[stage], NextStep=next_step, Type='Existing Business', OwnerId=owner,
                                CreatedById=owner, LastModifiedById=owner,
                                **{**stamp(opened, day(touched_ago, 17)), **extra}))
    opp_history(o, owner, history or [(opened, 'Qualification', amount, close),
                                      (day(touched_ago, 17), stage, amount, close)])
    add('OpportunityContactRole', dict(OpportunityId=o, ContactId=buyer, Role='Economic Buyer', IsPrimary=True,
                                       CreatedById=owner, **stamp(opened)))
    return o

def case(acc, who, owner, subject, opened_ago, status='Closed', priority='Low', closed_after=4, description=None):
    opened = day(opened_ago, 15)
    closed = opened + timedelta(days=closed_after) if status == 'Closed' else None
    return add('Case', dict(AccountId=acc, ContactId=who, OwnerId=owner, Subject=subject, Description=description,
                            Status=status, Priority=priority, Origin=rnd.choice(['Email', 'Phone', 'Web']),
                            ClosedDate=ts(closed) if closed else None, CreatedById=owner,
                            **stamp(opened, closed or day(min(opened_ago, 3), 18))))

DOMAINS = {}

def account(name, owner, industry, city, state, revenue, description, tier='Strategic', created_ago=760, **extra):
    created = day(created_ago, 14)
    a = add('Account', dict(Name=name, Type='Customer - Direct', Industry=industry, AnnualRevenue=revenue,
                            NumberOfEmployees=int(revenue / 300000), BillingCity=city, BillingState=state,
                            BillingCountry='United States', Phone=f'(555) 02{rnd.randint(10, 99)}-{rnd.randint(1000, 9999)}',
                            Website='https://www.' + name.lower().replace(' ', '').replace('.', '').replace('&', 'and') + '.example',
                            Description=description, OwnerId=owner, Tier__c=tier, CreatedById=owner,
                            **{**stamp(created, extra.pop('modified', day(20, 16))), **extra}))
    DOMAINS[a] = ''.join(ch for ch in name.split()[0].lower() if ch.isalnum()) + '.example'
    add('AccountHistory', dict(AccountId=a, Field='created', DataType='Text', CreatedById=owner, CreatedDate=ts(created)))
    return a

def revenue_history(acc, owner, buyer, prior, trailing, label):
    """Won deals: `prior` amounts closed 13-23 months ago, `trailing` ones in the last 12 months."""
    for i, amount in enumerate(prior):
        won(acc, owner, f'{label} - {["Platform licence", "Services", "Second site"][i % 3]} FY24', amount, 650 - i * 110, buyer)
    for i, amount in enumerate(trailing):
        won(acc, owner, f'{label} - {["Renewal", "Expansion", "Support upgrade"][i % 3]} FY25', amount, 300 - i * 110, buyer)

def healthy_base(acc, owner, people, label, prior=(300000, 250000, 280000), trailing=(340000, 310000, 330000),
                 cadences=(21, 10, 14, 14), engage=True, future=True, owner_before=None, opp=True, meet=None,
                 renewal=True):
    """What a well-run strategic account looks like (its renewal in the pipeline); stories change one thing."""
    exec_, dm = people[0], people[1]
    revenue_history(acc, owner, dm, prior, trailing, label)
    if engage:
        for who, every in zip(people, cadences):
            if every:
                cadence(acc, who, owner, every, owner_before=owner_before)
    o = None
    if opp:
        o = open_opp(acc, owner, f'{label} - FY26 Expansion', round(sum(trailing) * 0.4, -3), 75, exec_,
                     'Review the proposal with the CFO on the next call')
    if renewal:
        open_opp(acc, owner, f'{label} - FY27 Renewal', round(sum(trailing) * 0.7, -3), 150, dm,
                 'Confirm the renewal scope with procurement', stage='Negotiation/Review', opened_ago=40, touched_ago=6)
    if future:
        meeting(acc, meet or exec_, owner, -9, status='Scheduled', subject='quarterly business review')
        follow_up(acc, dm, owner, 5, 'Send the revised rollout plan')
    case(acc, people[-1], owner, 'Password reset for new team members', 410)
    case(acc, people[-1], owner, 'Question about report exports', 150, priority='Medium', closed_after=2)
    return o

# ------------------------------------------------------------------ the stories
def team(acc, owner, names):
    domain = DOMAINS[acc]
    return [contact(acc, owner, f, l, t, email_domain=domain) for f, l, t in names]

# 1. ACTIVITY_DECLINE
a = account('Northwind Logistics', ALEX, 'Transportation', 'Chicago', 'IL', 420e6,
            'Third-party logistics provider; our platform runs in all 14 of their warehouses.')
p = team(a, ALEX, [('Karen', 'Whitfield', 'Chief Operating Officer'), ('Luis', 'Ortega', 'VP Warehouse Operations'),
                   ('Nina', 'Brandt', 'Operations Manager'), ('Omar', 'Haddad', 'IT Manager')])
healthy_base(a, ALEX, p, 'Northwind', cadences=(0, 0, 0, 0), engage=False)
for who, every in zip(p, (14, 5, 7, 7)):
    cadence(a, who, ALEX, every, last=31)
task_call(a, p[1], ALEX, 24, subject='check-in on peak season volumes')
meeting(a, p[0], ALEX, 12, subject='operations review (rescheduled twice)')

# 2. CONTACT_SILENT
a = account('Cedar Ridge Health System', SAM, 'Healthcare', 'Denver', 'CO', 610e6,
            'Hospital network with 9 sites; uses our scheduling and supply modules.')
p = team(a, SAM, [('Margaret', 'Holloway', 'Chief Financial Officer'), ('Derek', 'Vance', 'VP Supply Chain'),
                  ('Aisha', 'Bello', 'Director of Nursing Operations'), ('Tom', 'Reyes', 'Procurement Manager')])
healthy_base(a, SAM, p, 'Cedar Ridge', cadences=(0, 10, 14, 14))
cadence(a, p[0], SAM, 14, last=75, kinds=('meeting', 'call'))

# 3. UNRETURNED_OUTREACH
a = account('Bluepeak Analytics', CHLOE, 'Technology', 'Austin', 'TX', 380e6,
            'Data analytics firm; renewal of the enterprise licence is due in the autumn.')
p = team(a, CHLOE, [('Victor', 'Lindqvist', 'Chief Technology Officer'), ('Grace', 'Okoye', 'VP Engineering'),
                    ('Ben', 'Carter', 'Engineering Manager'), ('Mia', 'Fontaine', 'Procurement Lead')])
healthy_base(a, CHLOE, p, 'Bluepeak', cadences=(0, 0, 0, 0), engage=False)
for who, every in zip(p, (21, 10, 14, 14)):
    cadence(a, who, CHLOE, every, last=61)
for n, who in [(57, 0), (52, 1), (45, 0), (38, 1), (30, 0), (21, 1), (14, 0), (6, 1)]:
    if n % 2:
        task_call(a, p[who], CHLOE, n, disposition=rnd.choice(['No Answer', 'Left Voicemail']), subject='renewal planning')
    else:
        task_email(a, p[who], CHLOE, n, subject='renewal planning: can we find 30 minutes?')
meeting(a, p[0], CHLOE, 33, status='Declined', subject='renewal planning', description='Declined by the customer without a new time.')
meeting(a, p[1], CHLOE, 17, status='Cancelled', subject='technical roadmap', description='Cancelled by the customer the same morning.')
task_call(a, p[3], CHLOE, 40, subject='purchase order question')

# 4. KEY_CONTACT_LEFT
a = account('Ironclad Manufacturing', JORDAN, 'Manufacturing', 'Columbus', 'OH', 540e6,
            'Industrial equipment maker; our MES integration covers 3 plants.')
p = team(a, JORDAN, [('Daniel', 'Okafor', 'Chief Technology Officer'), ('Sandra', 'Pike', 'Chief Executive Officer'),
                     ('Raj', 'Menon', 'Plant Manager'), ('Julia', 'Hart', 'Buyer')])
healthy_base(a, JORDAN, [p[0], p[2], p[1], p[3]], 'Ironclad', cadences=(0, 10, 60, 14), meet=p[2])
cadence(a, p[0], JORDAN, 7, last=25, kinds=('call', 'meeting', 'email'))
files['Contact'][-4].update({'Left_Company__c': True, 'EmailBouncedDate': ts(day(18, 16, 5)),
                             'EmailBouncedReason': '550 5.1.1 <daniel.okafor@ironclad> Recipient address rejected: user unknown',
                             'Description': 'Told us on 2026-06-05 he is leaving Ironclad at the end of the month.',
                             'LastModifiedDate': ts(day(18, 16, 5)), 'SystemModstamp': ts(day(18, 16, 5))})
task_email(a, p[0], JORDAN, 18, subject='handover of the MES roadmap', description='Bounced: recipient address rejected.')

# 5. SINGLE_THREADED
a = account('Harborview Hotels Group', SAM, 'Hospitality', 'Seattle', 'WA', 350e6,
            'Hotel group with 40 properties; uses our booking analytics.')
p = team(a, SAM, [('Charles', 'Dumont', 'President'), ('Fiona', 'Gallagher', 'VP Operations'),
                  ('Lena', 'Fischer', 'Procurement Manager'), ('Marco', 'Silva', 'Front Office Manager')])
healthy_base(a, SAM, [p[0], p[1], p[3], p[2]], 'Harborview', cadences=(0, 0, 0, 0), engage=False)
cadence(a, p[0], SAM, 60, last=100, kinds=('meeting', 'call'))
cadence(a, p[1], SAM, 50, last=92, kinds=('call', 'email'))
cadence(a, p[3], SAM, 30, last=95, kinds=('call',))
cadence(a, p[2], SAM, 7, last=1, kinds=('call', 'email'))

# 6. NO_EXECUTIVE_ACCESS
a = account('Granite State Utilities', CHLOE, 'Utilities', 'Newark', 'NJ', 720e6,
            'Regional utility; grid analytics deployment in two service territories.')
p = team(a, CHLOE, [('Helen', 'Marsh', 'Chief Executive Officer'), ('Paul', 'Novak', 'Chief Financial Officer'),
                    ('Irene', 'Castillo', 'Director of Grid Operations'), ('Kevin', 'Doyle', 'IT Manager'),
                    ('Sara', 'Lund', 'Procurement Lead')])
healthy_base(a, CHLOE, [p[0], p[2], p[3], p[4]], 'Granite State', cadences=(0, 10, 14, 14), meet=p[2])
cadence(a, p[0], CHLOE, 60, last=260, kinds=('meeting',))
cadence(a, p[1], CHLOE, 90, last=300, kinds=('meeting',))

# 7. EXECUTIVE_CHANGE
parent = account('Atlas Consumer Brands', ALEX, 'Food & Beverage', 'Atlanta', 'GA', 4.2e9,
                 'Parent company of Meridian Foods since the May 2026 acquisition.', tier='Standard', created_ago=36)
files['Account'][-1]['Type'] = 'Prospect'
a = account('Meridian Foods', ALEX, 'Food & Beverage', 'Atlanta', 'GA', 480e6,
            'Packaged foods producer; acquired by Atlas Consumer Brands in May 2026.', ParentId=parent,
            Change_Event__c='Acquisition', modified=day(35, 15))
add('AccountHistory', dict(AccountId=a, Field='Parent', DataType='EntityId', NewValue=parent, CreatedById=ALEX,
                           CreatedDate=ts(day(35, 15))))
p = team(a, ALEX, [('George', 'Whitaker', 'Chief Executive Officer'), ('Olivia', 'Barnes', 'VP Procurement'),
                   ('Hugo', 'Lambert', 'Supply Planning Manager'), ('Emma', 'Stone', 'IT Director')])
healthy_base(a, ALEX, p, 'Meridian')
cfo = contact(a, ALEX, 'Rebecca', 'Lin', 'Chief Financial Officer', created=day(21, 15), email_domain='atlasbrands.example',
              Description='Joined from Atlas Consumer Brands after the acquisition; owns all vendor contracts now.')
meeting(a, cfo, ALEX, 10, subject='introduction to the new CFO')

# 8. OWNER_CHANGE (reassigned)
a = account('Silverline Aerospace', RACHEL, 'Manufacturing', 'Phoenix', 'AZ', 690e6,
            'Aircraft components supplier; quality-management suite in 5 plants.', modified=day(41, 15))
add('AccountHistory', dict(AccountId=a, Field='Owner', DataType='EntityId', OldValue=TOM, NewValue=RACHEL,
                           CreatedById=EAST, CreatedDate=ts(day(41, 15))))
p = team(a, RACHEL, [('William', 'Hayes', 'Chief Operating Officer'), ('Naomi', 'Park', 'VP Quality'),
                     ('Ethan', 'Brooks', 'Quality Manager'), ('Zoe', 'Adler', 'Buyer')])
healthy_base(a, RACHEL, p, 'Silverline', owner_before=(45, TOM))
files['Opportunity'][-1]['CreatedById'] = TOM

# 9. OWNER_CHANGE (owner left, account never reassigned)
a = account('Redwood Pharma', TOM, 'Healthcare', 'Boston', 'MA', 830e6,
            'Specialty pharmaceuticals; lab-scheduling platform across R&D sites.', modified=day(75, 15))
add('AccountHistory', dict(AccountId=a, Field='Owner', DataType='EntityId', OldValue=JORDAN, NewValue=TOM,
                           CreatedById=EAST, CreatedDate=ts(day(75, 15))))
p = team(a, TOM, [('Catherine', 'Moss', 'Chief Scientific Officer'), ('Andre', 'Dubois', 'VP R&D Operations'),
                  ('Leah', 'Kowalski', 'Lab Operations Manager'), ('Ivan', 'Petrov', 'IT Manager')])
healthy_base(a, TOM, p, 'Redwood', cadences=(21, 10, 14, 0), owner_before=(75, JORDAN), future=False)
for rec in files['Task'] + files['Event']:
    if rec['WhatId'] == a and rec['OwnerId'] == TOM and rec['CreatedDate'] > ts(day(50)):
        rec['_drop'] = True
files['Task'] = [r for r in files['Task'] if not r.get('_drop')]
files['Event'] = [r for r in files['Event'] if not r.get('_drop')]
follow_up(a, p[1], TOM, 3, 'Send the renewal quote')

# 10. COMPLAINTS
a = account('Pioneer Telecom', JORDAN, 'Telecommunications', 'Portland', 'OR', 560e6,
            'Regional carrier; our network-operations platform monitors their core network.')
p = team(a, JORDAN, [('Rachel', 'Ahmed', 'Chief Information Officer'), ('Steven', 'Cho', 'VP Network Operations'),
                     ('Priya', 'Natarajan', 'NOC Manager'), ('Jon', 'Ellis', 'Vendor Manager')])
healthy_base(a, JORDAN, p, 'Pioneer')
case(a, p[2], JORDAN, 'Network controllers drop connections after firmware 4.2', 44, status='Escalated', priority='High',
     description='Three outages in two weeks; the customer\'s NOC escalated to the CIO.')
case(a, p[3], JORDAN, 'Duplicate charges on the May invoice', 37, status='Working', priority='Medium',
     description='Finance disputes 42,000 USD of duplicate line items.')
case(a, p[2], JORDAN, 'Dashboards unavailable for regional offices', 9, status='New', priority='High')
case(a, p[1], JORDAN, 'Alert storm during maintenance window', 60, priority='High', closed_after=6)
case(a, p[2], JORDAN, 'Firmware 4.2 rollback request', 25, priority='Medium', closed_after=3)

# 11. REVENUE_DECLINE
a = account('Lakeshore Retail Co.', CHLOE, 'Retail', 'Chicago', 'IL', 510e6,
            'Department-store chain; merchandising analytics for 120 stores.')
p = team(a, CHLOE, [('Monica', 'Grant', 'Chief Merchandising Officer'), ('Adam', 'Fields', 'VP Store Operations'),
                    ('Tina', 'Russo', 'Merchandising Manager'), ('Leo', 'Baptiste', 'Procurement Manager')])
healthy_base(a, CHLOE, p, 'Lakeshore', prior=(420000, 380000, 510000), trailing=(150000,))

# 12. PIPELINE_STALL
a = account('Orion Robotics', ALEX, 'Manufacturing', 'Austin', 'TX', 640e6,
            'Robotics integrator; uses our fleet-monitoring platform.')
p = team(a, ALEX, [('Samuel', 'Osei', 'Chief Executive Officer'), ('Laura', 'Kent', 'VP Engineering'),
                   ('Diego', 'Morales', 'Automation Manager'), ('Ruth', 'Klein', 'Procurement Manager')])
healthy_base(a, ALEX, p, 'Orion', opp=False)
d = lambda n: day(n).date().isoformat()
open_opp(a, ALEX, 'Orion - Assembly Line Automation Phase 2', 620000, 92, p[0],
         'Customer re-scoping after budget review', stage='Needs Analysis', opened_ago=200, touched_ago=28,
         history=[(day(200, 16), 'Qualification', 950000, d(91)), (day(150, 16), 'Proposal/Price Quote', 950000, d(91)),
                  (day(120, 16), 'Negotiation/Review', 950000, d(91)), (day(95, 16), 'Negotiation/Review', 950000, d(61)),
                  (day(60, 16), 'Negotiation/Review', 950000, d(15)), (day(28, 16), 'Needs Analysis', 620000, d(-92))])
open_opp(a, ALEX, 'Orion - Spare Parts Agreement 2026', 85000, -20, p[1], 'Waiting for the signed order form',
         opened_ago=120, touched_ago=40, history=[(day(120, 16), 'Qualification', 85000, d(20)),
                                                   (day(40, 16), 'Proposal/Price Quote', 85000, d(20))])

# 13. LOST_TO_COMPETITOR
a = account('Falcon Freight', SAM, 'Transportation', 'Phoenix', 'AZ', 470e6,
            'Trucking company with 2,000 vehicles; fleet telematics customer since 2023.')
p = team(a, SAM, [('Brian', 'Castle', 'Chief Operating Officer'), ('Yuki', 'Tanaka', 'VP Fleet Operations'),
                  ('Carla', 'Mendes', 'Fleet Manager'), ('Noel', 'Price', 'Procurement Manager')])
healthy_base(a, SAM, p, 'Falcon')
won(a, SAM, 'Falcon - Telematics for the Southwest fleet', 280000, 42, p[1], won_=False, Loss_Reason__c='Competitor',
    Description='Lost to Vantage Systems: 22% lower price and bundled route analytics.')

# 14. STALE_PLAN
a = account('Keystone Insurance', JORDAN, 'Insurance', 'Columbus', 'OH', 580e6,
            'Commercial insurer; claims analytics for three business lines.')
p = team(a, JORDAN, [('Patricia', 'Vaughn', 'Chief Claims Officer'), ('Martin', 'Fraser', 'VP Claims Operations'),
                     ('Irina', 'Sokolova', 'Claims Systems Manager'), ('Ahmed', 'Saleh', 'Vendor Manager')])
healthy_base(a, JORDAN, p, 'Keystone', future=False, opp=False)
open_opp(a, JORDAN, 'Keystone - Claims Platform Expansion', 300000, 45, p[0], None, opened_ago=110, touched_ago=70)
open_opp(a, JORDAN, 'Keystone - Agency Portal Licences', 120000, 75, p[1], 'Send pricing', opened_ago=90, touched_ago=64)

# 15. INSUFFICIENT_EVIDENCE (the owner logs almost nothing anywhere)
a = account('Prairie Materials', GREG, 'Construction', 'Denver', 'CO', 450e6,
            'Building-materials distributor; inventory platform in 11 yards.')
p = team(a, GREG, [('Frank', 'Odom', 'Chief Executive Officer'), ('Jill', 'Carver', 'VP Operations'),
                   ('Ray', 'Moreno', 'Yard Operations Manager'), ('Dana', 'Whit', 'Buyer')])
healthy_base(a, GREG, p, 'Prairie', engage=False, future=False)
task_call(a, p[1], GREG, 290, subject='renewal')
task_email(a, p[0], GREG, 170, subject='renewal paperwork')
small = account('Westfield Hardware', GREG, 'Retail', 'Denver', 'CO', 18e6, 'Single-store hardware retailer.', tier='Standard')
q = team(small, GREG, [('Owen', 'Pratt', 'Owner'), ('Bella', 'Cruz', 'Store Manager')])
won(small, GREG, 'Westfield - Starter licence renewal', 9000, 200, q[0])
task_call(small, q[0], GREG, 200, subject='renewal')

# 16-18. Healthy
for name, owner, industry, city, state, rev, desc, names in [
    ('Summit Health Partners', ALEX, 'Healthcare', 'Boston', 'MA', 590e6, 'Physician group network; patient-flow suite in 30 clinics.',
     [('Alan', 'Brewer', 'Chief Executive Officer'), ('Sofia', 'Marin', 'VP Clinical Operations'), ('Kyle', 'Dunn', 'IT Director'), ('Ana', 'Lopez', 'Practice Manager')]),
    ('Evergreen Energy', SAM, 'Energy', 'Portland', 'OR', 760e6, 'Renewable generation company; asset-monitoring platform.',
     [('Robert', 'Hale', 'Chief Operating Officer'), ('Mei', 'Chen', 'VP Asset Management'), ('Lars', 'Berg', 'Plant Manager'), ('Nora', 'Quinn', 'Procurement Manager')]),
    ('Beacon Financial', CHLOE, 'Finance', 'Newark', 'NJ', 680e6, 'Regional bank; risk and compliance analytics.',
     [('Eleanor', 'Price', 'Chief Risk Officer'), ('Hassan', 'Ali', 'VP Compliance'), ('Grace', 'Lim', 'Compliance Manager'), ('Peter', 'Young', 'IT Manager')]),
]:
    a = account(name, owner, industry, city, state, rev, desc)
    healthy_base(a, owner, team(a, owner, names), name.split()[0])

# A small standard account, for a realistic long tail under the Pareto rule.
small = account('Crescent Print Shop', JORDAN, 'Media', 'Columbus', 'OH', 6e6, 'Local print shop.', tier='Standard')
q = team(small, JORDAN, [('Ivy', 'Shaw', 'Owner'), ('Paulo', 'Reis', 'Office Manager')])
won(small, JORDAN, 'Crescent - Starter licence renewal', 7500, 120, q[0])
cadence(small, q[0], JORDAN, 45, last=10, kinds=('call', 'email'))

# 19. PIPELINE_COVERAGE (last, so that the stories above keep their random draws)
a = account('Tidewater Shipping', JORDAN, 'Transportation', 'Seattle', 'WA', 530e6,
            'Container shipping line; vessel-tracking platform on 40 ships.')
p = team(a, JORDAN, [('Victor', 'Lang', 'Chief Operating Officer'), ('Priya', 'Raman', 'VP Fleet Operations'),
                     ('Sean', 'Doyle', 'Fleet Systems Manager'), ('Mia', 'Torres', 'Procurement Manager')])
healthy_base(a, JORDAN, p, 'Tidewater', opp=False, renewal=False)
open_opp(a, JORDAN, 'Tidewater - Port Analytics Add-on', 120000, 100, p[1], 'Demo the add-on to the fleet team')

# ------------------------------------------------------------------ write
os.makedirs(OUT, exist_ok=True)
names = {'User': 'Users.json', 'Account': 'Accounts.json', 'AccountHistory': 'AccountHistory.json',
         'Contact': 'Contacts.json', 'Opportunity': 'Opportunities.json',
         'OpportunityContactRole': 'OpportunityContactRoles.json', 'OpportunityHistory': 'OpportunityHistory.json',
         'Case': 'Cases.json', 'Task': 'Tasks.json', 'Event': 'Events.json'}
plan = []
for kind, fname in names.items():
    recs = sorted(files[kind], key=lambda r: (r.get('CreatedDate', ''), int(r['attributes']['referenceId'].split('Ref')[1]))) \
        if kind in ('Task', 'Event') else files[kind]
    with open(os.path.join(OUT, fname), 'w') as f:
        json.dump({'records': recs}, f, indent=1, ensure_ascii=False)
        f.write('\n')
    plan.append({'sobject': kind, 'saveRefs': True, 'resolveRefs': True, 'files': [fname]})
with open(os.path.join(OUT, 'data-plan.json'), 'w') as f:
    json.dump(plan, f, indent=4)
    f.write('\n')
print({k: len(v) for k, v in files.items()})
