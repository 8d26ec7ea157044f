<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es">
    <context>
        <name>AppContext</name>
        <message>
            <source>The store is locked; unlock it first.</source>
            <extracomment>Draft keepers of the open forms, saved at once before an idle lock.</extracomment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ComputerPage</name>
        <message>
            <source>These settings belong to this computer, not to the program. The language is used from the unlock screen on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interface language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Light or dark theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow the system's light or dark setting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Always light</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Always dark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interface &amp;language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Theme:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pick a date (Alt+Down)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the date, or press Alt+Down to pick it from a calendar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calendar</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DraftBanner</name>
        <message>
            <source>Unsaved work kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore unsaved work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>D&amp;iscard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discard unsaved work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} you had not saved were kept on {1}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ErrorLabel</name>
        <message>
            <source>Warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExclusionEditor</name>
        <message>
            <source>Exclusion-screen questions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add question</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys: Insert adds, F2 edits, Delete removes, Ctrl+Up and Ctrl+Down move.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FieldError</name>
        <message>
            <source>Problem</source>
            <extracomment>Languages offered, each named in its own language (so anyone can find theirs).</extracomment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FirstRunScreen</name>
        <message>
            <source>Welcome to LEAD Desktop</source>
            <extracomment>The demo store's worker and passphrase: synthetic data only, so both are shown openly.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set up this laptop's encrypted store. You will be its first administrator; add the other workers later in Settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your login name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your &amp;login name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase &amp;again:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Create the store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create the store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Just looking? Try the app with made-up participants first. The demo store is kept apart from real data and every screen and page says DEMO.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try it with &amp;demo data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try it with demo data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>At least 15 characters; a few unrelated words work well.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Strength: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Login name: it is empty; type the name you will log in with.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase again: it does not match; type it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Making up {0} participants...</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>LEAD Desktop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} — DEMO (made-up people)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lock state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync: not set up on this laptop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Activity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New referral</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Find a participant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Caseload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close &amp;tab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Settings...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;witch worker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Locked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume unfinished work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the unfinished work for later</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Caseload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlocked: {0} ({1}). Ctrl+L locks.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Locked. Your work is saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Locked after a quiet spell. Your work is saved; unlock to go on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Locked while the laptop slept. Your work is saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the worker and type their passphrase.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Participant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New referral</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You have unfinished work from {0} UTC. Resume where you left off?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working...</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OptionalCount</name>
        <message>
            <source>Not recorded</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProgramPage</name>
        <message>
            <source>Only an administrator can change the program's settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Program details (printed on documents)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Program &amp;name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Phone:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Lock after idle:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Intake due within (days):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Program &amp;capacity:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Most per case &amp;manager:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exclusion screen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exclusion screen (asked at each referral)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coverage area (referrals must start inside it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the coverage area…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coverage area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import &amp;GeoJSON file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import a coverage area from a GeoJSON file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In use: “{0}” ({1} part(s), {2} corners).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loaded: “{0}” ({1} part(s), {2} corners). Press Save to use it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import coverage area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GeoJSON files (*.geojson *.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading {0}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file was not loaded; the coverage area in use is unchanged.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QLabel</name>
        <message>
            <source>{0}: {1}; {2}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Something went wrong and nothing was saved. Try again; if it keeps happening, run 'lead-desktop self-test' and tell your program's IT contact.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LEAD Desktop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error message</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecordView</name>
        <message>
            <source>Participant</source>
            <extracomment>Drafts that belong to a tab of the record (their ref_id is the participant id).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parts of the record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Referrals</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Assessments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service p&amp;lan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Co&amp;nsents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Con&amp;tacts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Documents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>born {0}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UnlockScreen</name>
        <message>
            <source>Unlock the DEMO store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlock LEAD Desktop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Worker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Worker:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demo store (made-up people). Worker: {0}, passphrase: {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Forgot passphrase?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forgot passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set up the &amp;real store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set up the real store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase: it is empty; type your passphrase.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlocking...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You can try again now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too many wrong passphrases. Try again in {0} seconds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forgot your passphrase?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nobody can read your passphrase back, not even IT. Ask your program administrator: they can set you a new one in Settings &gt; Workers, or with the program's recovery key ('lead-desktop recover'). Your saved work is not lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How to recover a forgotten passphrase</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>codes</name>
        <message>
            <source>1 or 2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>10 or more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>2-3 times a week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>2-4 times a month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>3 or 4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>4 or more times a week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>5 or 6</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>7 to 9</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accepted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alcohol Use Disorders Identification Test - Consumption</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alcohol use disorder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alias</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>American Indian, Alaska Native, or Indigenous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approximate or partial DOB reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approximate or partial SSN reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Are you always able to stop using drugs when you want to?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Arrest diversion</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Asian or Asian American</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Black, African American, or African</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Both</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case manager</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Client doesn't know</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Client prefers not to answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Collateral</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counseling notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Court</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Criminal justice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Daily or almost daily</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Data not collected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dealing for profit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Declined</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disqualifying violence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Do you ever feel bad or guilty about your drug use?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Do you use more than one drug at a time?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Does your spouse (or parents) ever complain about your involvement with drugs?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dropped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drug Abuse Screening Test (10 items)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drug use disorder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Eligible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Emergency shelter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Employment education</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evaluator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exploits minors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Family supports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feeling bad about yourself, or that you are a failure or let your family down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feeling down, depressed, or hopeless</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feeling tired or having little energy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Female</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Foster care home or foster care group home</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full DOB reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full SSN reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full name reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Have you engaged in illegal activities in order to obtain drugs?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Have you ever had withdrawal symptoms (felt sick) when you stopped taking drugs?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Have you had blackouts or flashbacks as a result of drug use?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Have you had medical problems from drug use (memory loss, hepatitis, bleeding...)?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Have you neglected your family because of your use of drugs?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Have you used drugs other than those required for medical reasons?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hispanic/Latina/e/o</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hospital or other residential non-psychiatric medical facility</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Host Home (non-crisis)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hotel or motel paid for without emergency shelter voucher</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Housing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How many standard drinks containing alcohol do you have on a typical day?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How often do you have a drink containing alcohol?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How often do you have six or more drinks on one occasion?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In the wind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inactive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Income benefits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ineligible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Insurance health</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Jail, prison, or juvenile detention facility</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Legal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Legal proceedings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Less than monthly</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Little interest or pleasure in doing things</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Long-term care facility or nursing home</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Male</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mental health</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Middle Eastern or North African</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Monthly</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Monthly or less</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>More than half the days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moved from one HOPWA funded project to HOPWA TH</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moving or speaking very slowly, or being so fidgety you move around a lot more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Native Hawaiian or Pacific Islander</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nearly every day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not at all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On probation or parole</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outreach attempt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Over the last 2 weeks, how often have you been bothered by any of the following?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Owned by client, no ongoing housing subsidy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Owned by client, with ongoing housing subsidy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Partial, street name, or code name reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Participant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Partner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Patient Health Questionnaire (9 items)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Place not meant for habitation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Poor appetite or overeating</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Possession</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Promotes prostitution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prostitution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Psychiatric hospital or other psychiatric facility</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quantity over threshold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rental by client, no ongoing housing subsidy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rental by client, with ongoing housing subsidy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Residential project or halfway house with no homeless criteria</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reviewed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Safe Haven</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Safety</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Several days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Social contact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Staying or living in a family member's room, apartment, or house</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Staying or living in a friend's room, apartment, or house</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Staying or living with family, temporary tenure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Staying or living with friends, temporary tenure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Street</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subsistence sale</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Substance abuse treatment facility or detox center</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Substance use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Supervisor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>These questions refer to the past 12 months. Do not count alcohol.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Think about the past year.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Thoughts that you would be better off dead, or of hurting yourself in some way</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tpo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transitional housing for homeless persons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trouble concentrating on things, such as reading or watching television</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trouble falling or staying asleep, or sleeping too much</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undecided</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Under 18</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weekly</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>White</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>dict[str, Instrument]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>low</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mild</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>minimal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>moderate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>moderately severe</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>severe</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>substantial</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>