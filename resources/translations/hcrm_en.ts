<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnalyticsView</name>
    <message>
        <source>Analytics</source>
        <translation>Analytics</translation>
    </message>
    <message>
        <source>For supervisors and administrators.</source>
        <translation>For supervisors and administrators.</translation>
    </message>
    <message>
        <source>Coming in a later version: analytics and reports</source>
        <translation>Coming in a later version: analytics and reports</translation>
    </message>
    <message>
        <source>Today&apos;s load and deadline risk; reassigning work</source>
        <translation>Today&apos;s load and deadline risk; reassigning work</translation>
    </message>
    <message>
        <source>Agent figures: calls, handle time, first-contact resolution, satisfaction</source>
        <translation>Agent figures: calls, handle time, first-contact resolution, satisfaction</translation>
    </message>
    <message>
        <source>Customer value tiers, lifecycle stages, age bands, regions and packages</source>
        <translation>Customer value tiers, lifecycle stages, age bands, regions and packages</translation>
    </message>
    <message>
        <source>Complaints and satisfaction by department</source>
        <translation>Complaints and satisfaction by department</translation>
    </message>
    <message>
        <source>Export to Excel and a monthly PDF report</source>
        <translation>Export to Excel and a monthly PDF report</translation>
    </message>
</context>
<context>
    <name>BookingsView</name>
    <message>
        <source>Bookings</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <source>Checkup packages and specialist clinics.</source>
        <translation>Checkup packages and specialist clinics.</translation>
    </message>
    <message>
        <source>Coming in a later version: booking</source>
        <translation>Coming in a later version: booking</translation>
    </message>
    <message>
        <source>Free slots by package or clinic, day and morning or afternoon</source>
        <translation>Free slots by package or clinic, day and morning or afternoon</translation>
    </message>
    <message>
        <source>Book, reschedule and cancel during the call</source>
        <translation>Book, reschedule and cancel during the call</translation>
    </message>
    <message>
        <source>Places kept for VIP customers</source>
        <translation>Places kept for VIP customers</translation>
    </message>
    <message>
        <source>Reminders and no-show tracking</source>
        <translation>Reminders and no-show tracking</translation>
    </message>
</context>
<context>
    <name>CallCard</name>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the caller…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes on this call. They stay on this card; the recording forms come with the next version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withheld number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller&apos;s number could not be read ({number}). Ask who is calling and search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller withheld the number, so nobody could be recognised. Ask who is calling and search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller: the patient&apos;s {who}{name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallCardWords</name>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inpatient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>praise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rescheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost to follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>red flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient deceased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation type="unfinished">Ringing</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a date (YYYY-MM-DD after 1900)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a record cannot be merged into itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of the records no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of the records was already merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only an administrator may do this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the records are no longer merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No emoji or symbols, please</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contains characters that are not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must have 18 (or 15) characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown region code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contains an impossible birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check digit does not match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not match the sex in the national id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not match the birth date in the national id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lies in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same national id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same phone and a similar name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same name pinyin and birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deceased on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint {case} overdue (due {due}): {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open complaint {case} (due {due}): {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up overdue since {due}: {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up due {due}: {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked for {due}: {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discharged {due} from {subject}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallStack</name>
    <message>
        <source>Close this card</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallerSearch</name>
    <message>
        <source>Name, pinyin initials, phone, national id or customer no.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardActions</name>
    <message>
        <source>Record a consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book a checkup or clinic slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This form comes with the next version of HCRM Desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card for {customer} stays open and keeps your notes, so nothing is lost in the meantime.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintsView</name>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Complaint cases with their deadlines.</source>
        <translation>Complaint cases with their deadlines.</translation>
    </message>
    <message>
        <source>Coming in a later version: complaint cases</source>
        <translation>Coming in a later version: complaint cases</translation>
    </message>
    <message>
        <source>Record a complaint during the call, with category, department and severity</source>
        <translation>Record a complaint during the call, with category, department and severity</translation>
    </message>
    <message>
        <source>Case states: new, acknowledged, in progress, resolved, closed</source>
        <translation>Case states: new, acknowledged, in progress, resolved, closed</translation>
    </message>
    <message>
        <source>Deadlines for acknowledging and resolving, with warnings before they pass</source>
        <translation>Deadlines for acknowledging and resolving, with warnings before they pass</translation>
    </message>
    <message>
        <source>Replies, escalation and the customer&apos;s satisfaction with the resolution</source>
        <translation>Replies, escalation and the customer&apos;s satisfaction with the resolution</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>HCRM Desktop ran into an unexpected problem.</source>
        <translation>HCRM Desktop ran into an unexpected problem.</translation>
    </message>
    <message>
        <source>The details have been written to the log. You can keep working; if the problem comes back, copy the details and send them to your IT support.</source>
        <translation>The details have been written to the log. You can keep working; if the problem comes back, copy the details and send them to your IT support.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>One record per person, with one unique customer id.</source>
        <translation>One record per person, with one unique customer id.</translation>
    </message>
    <message>
        <source>Search: name, pinyin or initials (zw), phone or its last 4 digits, national id, customer no., HIS/PEIS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Back to the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for other records of this person (查重)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer found for “{query}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} found; ↓ ↑ to choose, Enter to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} customers in the local database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialling did not work: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>Bookings</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <source>Database structure</source>
        <translation>Database structure</translation>
    </message>
    <message>
        <source>Departments, staff and packages</source>
        <translation>Departments, staff and packages</translation>
    </message>
    <message>
        <source>Customers and their history</source>
        <translation>Customers and their history</translation>
    </message>
    <message>
        <source>Search indexes</source>
        <translation>Search indexes</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Choose another file…</translation>
    </message>
    <message>
        <source>Create a new demo database</source>
        <translation>Create a new demo database</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Choose a database</source>
        <translation>Choose a database</translation>
    </message>
    <message>
        <source>HCRM databases (*.db *.sqlite);;All files (*)</source>
        <translation>HCRM databases (*.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <source>Creating the demo database (first start only)…</source>
        <translation>Creating the demo database (first start only)…</translation>
    </message>
    <message>
        <source>HCRM Desktop</source>
        <translation>HCRM Desktop</translation>
    </message>
    <message>
        <source>Creating the demo database (first start only)…
{stage}: {done} / {total}</source>
        <translation>Creating the demo database (first start only)…
{stage}: {done} / {total}</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicates of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records that may be the same person as {name} ({no}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already merged into this record:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into this record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging keeps every record of both; it is audited. Only a supervisor or an administrator may merge, only an administrator may undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({no}), merged {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No likely duplicates found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge {other} into {name} ({no})? The history of both stays; {other} will no longer be found on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records could not be merged: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{other} was merged into {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge could not be undone: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge of {name} was undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>The call list of follow-up tasks.</source>
        <translation>The call list of follow-up tasks.</translation>
    </message>
    <message>
        <source>Coming in a later version: the follow-up call list</source>
        <translation>Coming in a later version: the follow-up call list</translation>
    </message>
    <message>
        <source>Post-discharge, post-surgery, chronic-disease and abnormal-checkup follow-ups</source>
        <translation>Post-discharge, post-surgery, chronic-disease and abnormal-checkup follow-ups</translation>
    </message>
    <message>
        <source>A script and questionnaire for each call, with outcome and callback time</source>
        <translation>A script and questionnaire for each call, with outcome and callback time</translation>
    </message>
    <message>
        <source>Red flags that reach a doctor</source>
        <translation>Red flags that reach a doctor</translation>
    </message>
    <message>
        <source>Satisfaction surveys and win-back of lapsed customers</source>
        <translation>Satisfaction surveys and win-back of lapsed customers</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <source>baresip softphone</source>
        <translation>baresip softphone</translation>
    </message>
    <message>
        <source>Asterisk AMI</source>
        <translation>Asterisk AMI</translation>
    </message>
    <message>
        <source>HTTP hook</source>
        <translation>HTTP hook</translation>
    </message>
    <message>
        <source>No phone</source>
        <translation>No phone</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Ringing</translation>
    </message>
    <message>
        <source>On a call</source>
        <translation>On a call</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection failed ({reason}), retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not supported by this phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused by the phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the call is no longer there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>son or daughter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drifting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value-oriented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefit-oriented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volatile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline demo</source>
        <translation>Offline demo</translation>
    </message>
    <message>
        <source>Offline: no central server configured</source>
        <translation>Offline: no central server configured</translation>
    </message>
    <message>
        <source>Offline: sync not available yet</source>
        <translation>Offline: sync not available yet</translation>
    </message>
    <message>
        <source>No VIP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Workbench</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analytics</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>HCRM Desktop</source>
        <translation>HCRM Desktop</translation>
    </message>
    <message>
        <source>{title} (demo)</source>
        <translation>{title} (demo)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About HCRM Desktop</source>
        <translation>&amp;About HCRM Desktop</translation>
    </message>
    <message>
        <source>About HCRM Desktop</source>
        <translation>About HCRM Desktop</translation>
    </message>
    <message>
        <source>HCRM Desktop {version}</source>
        <translation>HCRM Desktop {version}</translation>
    </message>
    <message>
        <source>Customer service workbench for hospitals and health-check centers.</source>
        <translation>Customer service workbench for hospitals and health-check centers.</translation>
    </message>
</context>
<context>
    <name>MatchChooser</name>
    <message>
        <source>Ask who is calling; ↑ ↓ to move, Enter to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} customers use this number. Who is it about?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{age} years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of: {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last contact {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deceased</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ProfileCard</name>
    <message>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer died on {date}. Please speak with care; no marketing, no routine follow-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was merged into another customer&apos;s record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer&apos;s record has been deleted, so it can no longer be changed. What you typed on this card is kept; search for the customer again if needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileHeader</name>
    <message>
        <source>{age} years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value: {tier}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer no. {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 3 years: last visit {recency}, {count} visits or checkups, ¥{amount:,.0f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No phone on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a number to dial it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: {tags}&#x3000;&#x3000;Consent: {consent}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickCreateForm</name>
    <message>
        <source>Unknown number: file a new customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 李娜</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 characters, optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD, optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File customer (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possibly already on file — open instead of filing again:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Follow-up nurse</source>
        <translation>Follow-up nurse</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>Screenshot</name>
    <message>
        <source>Preview user</source>
        <translation>Preview user</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone ending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinyin initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>national id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HIS/PEIS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HIS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEIS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Changes are saved as soon as you make them.</source>
        <translation>Changes are saved as soon as you make them.</translation>
    </message>
    <message>
        <source>HCRM Desktop version {version}</source>
        <translation>HCRM Desktop version {version}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Phone and server</source>
        <translation>Phone and server</translation>
    </message>
    <message>
        <source>e.g. https://crm.hospital.example or postgresql+psycopg://…</source>
        <translation>e.g. https://crm.hospital.example or postgresql+psycopg://…</translation>
    </message>
    <message>
        <source>Synchronisation with a central server is not available yet in this version; the address is saved for later.</source>
        <translation>Synchronisation with a central server is not available yet in this version; the address is saved for later.</translation>
    </message>
    <message>
        <source>Phone adapter</source>
        <translation>Phone adapter</translation>
    </message>
    <message>
        <source>Phone address</source>
        <translation>Phone address</translation>
    </message>
    <message>
        <source>Central server</source>
        <translation>Central server</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}</source>
        <translation>The settings could not be saved: {error}</translation>
    </message>
    <message>
        <source>The phone adapter connects the next time HCRM Desktop starts.</source>
        <translation>The phone adapter connects the next time HCRM Desktop starts.</translation>
    </message>
    <message>
        <source>The log folder could not be opened: {path}</source>
        <translation>The log folder could not be opened: {path}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to HCRM Desktop</source>
        <translation>Sign in to HCRM Desktop</translation>
    </message>
    <message>
        <source>This database has no user who can sign in.</source>
        <translation>This database has no user who can sign in.</translation>
    </message>
    <message>
        <source>HCRM Desktop</source>
        <translation>HCRM Desktop</translation>
    </message>
    <message>
        <source>Customer service workbench</source>
        <translation>Customer service workbench</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Demo password: demo</source>
        <translation>Demo password: demo</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation>Please enter your password.</translation>
    </message>
    <message>
        <source>This account is disabled. Please ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user is not known on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password. Please try again.</source>
        <translation>Wrong password. Please try again.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>SimulateCallButton</name>
    <message>
        <source>Simulate call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring the simulated phone (F8: customer, family, unknown, withheld in turn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A family member calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unknown number calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A withheld number calls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreErrors</name>
    <message>
        <source>The database file does not exist:
{path}</source>
        <translation>The database file does not exist:
{path}</translation>
    </message>
    <message>
        <source>The database is in use by another program:
{path}

Close the other program and try again.</source>
        <translation>The database is in use by another program:
{path}

Close the other program and try again.</translation>
    </message>
    <message>
        <source>The database was written by a newer version of HCRM Desktop:
{path}

Please install the newer version to open it.</source>
        <translation>The database was written by a newer version of HCRM Desktop:
{path}

Please install the newer version to open it.</translation>
    </message>
    <message>
        <source>The database file is damaged or is not an HCRM database:
{path}</source>
        <translation>The database file is damaged or is not an HCRM database:
{path}</translation>
    </message>
    <message>
        <source>HCRM Desktop cannot write to the database location:
{path}

Check the permissions.</source>
        <translation>HCRM Desktop cannot write to the database location:
{path}

Check the permissions.</translation>
    </message>
    <message>
        <source>A database already exists at:
{path}</source>
        <translation>A database already exists at:
{path}</translation>
    </message>
    <message>
        <source>The database could not be used:
{path}</source>
        <translation>The database could not be used:
{path}</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkbenchView</name>
    <message>
        <source>Workbench</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <source>Hello, {name}. Here is today at a glance.</source>
        <translation>Hello, {name}. Here is today at a glance.</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>Open complaints</translation>
    </message>
    <message>
        <source>Follow-ups due today or overdue</source>
        <translation>Follow-ups due today or overdue</translation>
    </message>
    <message>
        <source>Bookings in the next 7 days</source>
        <translation>Bookings in the next 7 days</translation>
    </message>
    <message>
        <source>Waiting for calls. When the phone rings, the caller&apos;s profile appears here, before you answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hanging up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} did not work: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
