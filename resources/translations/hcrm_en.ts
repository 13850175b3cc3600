<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionForm</name>
    <message>
        <source>Patient unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction (1-5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply or response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the severity (the deadlines are recomputed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Esc again to discard what you typed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalyticsView</name>
    <message>
        <source>Live board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QA review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer analytics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
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
</context>
<context>
    <name>AnalyticsWords</name>
    <message>
        <source>First-time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long-term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper-middle income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discharged patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abnormal checkups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table could not be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Chinese font was found for the PDF (install fonts-noto-cjk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is on the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be longer than the recent period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be at least the lapsed period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be between 1 and 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved thresholds could not be read; defaults are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <source>Edit article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words callers use, separated by spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you typed in this article will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign follow-up tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Give the %n selected task(s) to the nurse ticked</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take the %n selected task(s) back (unassigned)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Rebalance the open tasks evenly among the nurses ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) · %3 open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nurses (Space ticks one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick exactly one nurse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the nurses to share the tasks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <source>Contacts today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation type="unfinished">Open complaints</translation>
    </message>
    <message>
        <source>Overdue complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups done today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By contact type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints by SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups by staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups by department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost to follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished">Agent</translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up calls today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts by hour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingSection</name>
    <message>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open bookings for this customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book, reschedule or cancel there; record the contact here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingWords</name>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialist clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This slot is full. Choose another day or period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This day and period are already over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This package is for the other sex only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer is already booked for this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer is recorded as deceased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was merged into another one; search again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This slot no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible in the booking&apos;s current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only possible from the day of the booking on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a different slot to move the booking to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emoji and symbols cannot be saved here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors and administrators may do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capacity cannot be lower than the places already booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a customer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a day and period with places in the calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a booking in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingsModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package or clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
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
        <source>◀ Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous week (Alt+←)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week (Alt+→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or change the places per day and period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes for the booking (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book the chosen slot for the customer (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the chosen booking to the chosen slot (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the chosen booking (Ctrl+Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer did not come (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer came (Ctrl+Shift+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked in these two weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked: {name}, {day} {period}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved: {name}, now {day} {period}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: {name}, {day} {period}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as no-show: {day} {period}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as completed: {day} {period}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BootstrapDialog</name>
    <message>
        <source>First download from the central server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the customer records for this workstation. You can keep working; screens fill in as data arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in &amp;background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of about %2 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarModel</name>
    <message>
        <source>{free}/{capacity} free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP {free}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity {capacity}, booked {booked}, free {free}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reserved} kept for VIP customers; a VIP can still book {free}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doctor: {name}</source>
        <translation type="unfinished"></translation>
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
        <source>Notes on this call. They stay on this card and go into the wrap-up (Alt+1 to Alt+5).</source>
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
    <name>CallPanel</name>
    <message>
        <source>Dial (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes on the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next call (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No phone number on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello, this is the follow-up nurse of the hospital. May I ask a few questions about how you are?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as deceased on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No softphone connected: dial %1 by hand, then record the outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1, the task is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A red flag was sent to the department&apos;s doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next call: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n other task(s) of the patient were cancelled.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Press F9 for the next call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave this call?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you entered for this call is not saved. Leave it?</source>
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
    <name>CapacityDialog</name>
    <message>
        <source>Capacity of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places per period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept for VIP customers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardWrapUp</name>
    <message>
        <source>Wrap-up saved: {type}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint case {case} opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDetailPane</name>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department concerned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge / resolve by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished">Files</translation>
    </message>
    <message>
        <source>Choose a case in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click to save a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished">Supervisor</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(reopened {n}×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CentralServerBox</name>
    <message>
        <source>Central server</source>
        <translation type="unfinished">Central server</translation>
    </message>
    <message>
        <source>e.g. https://crm.hospital.example or postgresql+psycopg://…</source>
        <translation type="unfinished">e.g. https://crm.hospital.example or postgresql+psycopg://…</translation>
    </message>
    <message>
        <source>the user you signed in with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished">Password</translation>
    </message>
    <message>
        <source>Enter the password first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the central server&apos;s address first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server answers and matches this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in. Synchronisation starts now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintSection</name>
    <message>
        <source>Complaint case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not known —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name or post, if the caller said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a few words, e.g. 候诊两小时无人解释</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, when and where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintWords</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step is not possible in the case&apos;s current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is assigned to someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe how the complaint was resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the patient&apos;s satisfaction, or mark the patient as unreachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction must be 1 to 5, or unreachable, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for reopening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reply first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case or file no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed this case meanwhile; it has been reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an active agent or supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emoji and symbols are not allowed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contains characters that are not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient record was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient record was merged into another; choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is larger than 5 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This type of file cannot be attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s content does not match its extension.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work ({code}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{d} d {h} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge: overdue by {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge within {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve: overdue by {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve within {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{from} → {to}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to the supervisor: {target} deadline passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to the supervisor: {target} deadline at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity {old} → {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
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
        <source>Complaint cases with their deadlines, in working time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SLA settings cannot be used: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmationPanel</name>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a booking to see its confirmation text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the text to paste into the SMS or WeChat tool (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that the confirmation went out (Ctrl+Shift+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confirmation templates cannot be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{length} characters, {segments} SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{length} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer has not agreed to SMS messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer has not agreed to WeChat messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictLabels</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QA review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member</source>
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
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed the same field first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record was deleted meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slot is fully booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slot no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This state change is not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another colleague already took this task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not make this change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record with the same number already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record cannot be changed once saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the central server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edits that another workstation&apos;s changes or the central server&apos;s rules overrode. Nothing is lost: re-apply yours or accept the server&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Re-apply my edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss (keep the server&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts: everything you typed reached the central server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit was queued again and is sent to the central server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s values are kept.</source>
        <translation type="unfinished"></translation>
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
    <name>CustomersPanel</name>
    <message>
        <source>Distributions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrers (who brought whom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brought directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value (direct)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value (whole chain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments and follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints and satisfaction per department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation type="unfinished">Complaints</translation>
    </message>
    <message>
        <source>Complaint satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Praise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
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
    <name>DrillDownDialog</name>
    <message>
        <source>{kpi}: {name}, {first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (first {n} shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation type="unfinished"></translation>
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
    <name>EscalationsModel</name>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EscalationsPanel</name>
    <message>
        <source>Not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the doctor&apos;s instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportTable</name>
    <message>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this table as an .xlsx file (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpWords</name>
    <message>
        <source>To call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost to follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wants a callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This task no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This task is already closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another nurse is already calling this patient for this task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was merged into another one: call the task filed there instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient is recorded as deceased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors can assign tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose when to call back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback time is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback time is outside the call hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a question of this questionnaire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This questionnaire cannot be read by this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else moved this on meanwhile: refresh the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This escalation no longer exists.</source>
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
        <source>F9 calls the next patient due; Enter calls the one selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next call (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign… (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tasks · %2 due now · %3 callbacks due · %4 overdue · %5 done today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due to call now (within the call hours).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) reassigned.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KnowledgeDialog</name>
    <message>
        <source>Knowledge base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search answers: words or pinyin initials (e.g. 空腹, tjxz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter copies the answer; Esc closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a new article (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the chosen article (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the chosen article from agents, or bring it back (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: {title}</source>
        <translation type="unfinished"></translation>
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
        <source>Sync &amp;conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Knowledge base…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;QA reviews…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up &amp;rules…</source>
        <translation type="unfinished"></translation>
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
        <source>Click for sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your work is kept on this computer and sent when the connection is back.</source>
        <translation type="unfinished"></translation>
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
    <name>MyQaDialog</name>
    <message>
        <source>My QA results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} reviews, average {avg} points, {unread} unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New complaint case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, phone or customer no.; empty: no patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no patient)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department concerned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open case (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Esc again to discard what you typed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientPicker</name>
    <message>
        <source>Customer: name, phone, last 4 digits, customer no. (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer chosen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingBar</name>
    <message>
        <source>Open wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a withheld number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the call from {number} answered at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a contact you started by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} contact(s) not wrapped up yet, the oldest: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PerformancePanel</name>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a figure (or press Enter) to see the records behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished">Agent</translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {n} rows to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneCredentialsBox</name>
    <message>
        <source>AMI user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AMI secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hook token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save phone credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved; type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keyring is available: the credentials were not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The phone connects with them at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PraiseSection</name>
    <message>
        <source>Praise for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— a whole department —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
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
    <name>QaPanel</name>
    <message>
        <source>Agent</source>
        <translation type="unfinished">Agent</translation>
    </message>
    <message>
        <source>Earlier reviews of this agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} (max {max})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QA done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: {total} of {max}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the scores and comment entered for this contact?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review saved: {total} points.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
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
    <name>ReportsPanel</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the monthly CRM report (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save reports in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose PDF, Excel or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the report for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written: %1 (in %2)</source>
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
    <name>RulesDialog</name>
    <message>
        <source>Follow-up rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make today&apos;s tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <source>Only administrators can change follow-up rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[inactive]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[invalid]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code of a saved rule cannot change; use New rule instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rule is not stored yet; save it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule activated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks made: %1 (already made earlier: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes to this rule have not been saved.</source>
        <translation type="unfinished"></translation>
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
    <name>SegmentsPanel</name>
    <message>
        <source>Edit thresholds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment all customers again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make follow-up list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the customers listed (or the selected ones) on a follow-up list for the nurses (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual interval (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected back by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits per month by value tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Churn risk win-back %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue for the usual return visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up list “%1”: %2 task(s) created, %3 already on the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
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
        <source>Phone adapter</source>
        <translation>Phone adapter</translation>
    </message>
    <message>
        <source>Phone address</source>
        <translation>Phone address</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
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
    <name>SupervisorWords</name>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg handle (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg wrap-up (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-contact resolution %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Praise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint SLA met %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation type="unfinished">Follow-ups</translation>
    </message>
    <message>
        <source>Follow-up completion %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QA average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a call</source>
        <translation type="unfinished">On a call</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No activity today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors and administrators may do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact has no agent to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This review no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score must be between 0 and the item&apos;s maximum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checklist has changed; reopen the review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comment is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emoji are not allowed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved first time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{d}d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h}h {m}m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m}m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncBridge</name>
    <message>
        <source>The central server cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server sent a reply that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in at the central server failed: check user and password in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not do this at the central server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of HCRM Desktop does not match the central server: please update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server&apos;s data structure differs from this version&apos;s: please update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was filled from another central server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: free some space, sync resumes by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflicts %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThresholdDialog</name>
    <message>
        <source>Segmentation thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent: seen within (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drifting / lapsed: not seen for more than (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core: at least this many visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long-term: at least this many visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core: spent at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Churn risk: overdue by × usual interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The thresholds were changed. Press Esc again to discard the changes, or Ctrl+Enter to save them.</source>
        <translation type="unfinished"></translation>
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
        <source>New contact (walk-in, message)</source>
        <translation type="unfinished"></translation>
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
<context>
    <name>WorklistModel</name>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: the call window ended %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient asked to be called back now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was merged into another one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WrapUpDialog</name>
    <message>
        <source>Wrap-up of a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is it? Search for the customer, or leave this empty for a contact without one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WrapUpForm</name>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the record that remains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact number, optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved in this contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the customer wanted and what you did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none for this type —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer: {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle time {time} · call ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle time {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you typed earlier is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the type of contact (Alt+1 to Alt+5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact will be filed under the record that remains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the wrap-up?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard what you typed in this wrap-up?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WrapUpWords</name>
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
        <source>Praise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
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
        <source>Web</source>
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
        <source>No longer exists; choose again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No emoji or symbols, please: remove them to save</source>
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
        <source>Lies in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer&apos;s record was deleted meanwhile. Search for the customer again, or save without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer&apos;s record was merged into another one meanwhile. Use the record that remains to save.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
