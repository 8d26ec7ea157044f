<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es">
    <context>
        <name>AddWorkerDialog</name>
        <message>
            <source>Add a worker</source>
            <translation>Agregar un trabajador</translation>
        </message>
        <message>
            <source>Login &amp;name:</source>
            <translation>&amp;Nombre de usuario:</translation>
        </message>
        <message>
            <source>R&amp;ole:</source>
            <translation>R&amp;ol:</translation>
        </message>
        <message>
            <source>The worker unlocks this computer's store with their own passphrase. Tell it to them in person; it is never shown again.</source>
            <translation>El trabajador desbloquea la base de datos de esta computadora con su propia frase de contraseña. Dígasela en persona; no se volverá a mostrar.</translation>
        </message>
        <message>
            <source>&amp;Add worker</source>
            <translation>&amp;Agregar trabajador</translation>
        </message>
        <message>
            <source>Login name: is empty; give a login name.</source>
            <translation>Nombre de usuario: está vacío; escriba un nombre de usuario.</translation>
        </message>
        <message>
            <source>Adding {0}…</source>
            <translation>Agregando a {0}…</translation>
        </message>
        <message>
            <source>Login name</source>
            <translation>Nombre de usuario</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Frase de contraseña</translation>
        </message>
    </context>
    <context>
        <name>AliasList</name>
        <message>
            <source>Aliases and street names</source>
            <translation>Alias y apodos</translation>
        </message>
        <message>
            <source>No aliases or street names yet. Type one below and press Add.</source>
            <translation>Todavía no hay alias ni apodos. Escriba uno abajo y presione Agregar.</translation>
        </message>
        <message>
            <source>No aliases</source>
            <translation>Sin alias</translation>
        </message>
        <message>
            <source>New alias or street name</source>
            <translation>Nuevo alias o apodo</translation>
        </message>
        <message>
            <source>Name the person is known by</source>
            <translation>Nombre con que se le conoce</translation>
        </message>
        <message>
            <source>Kind of name</source>
            <translation>Tipo de nombre</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>Agr&amp;egar</translation>
        </message>
        <message>
            <source>Add alias</source>
            <translation>Agregar alias</translation>
        </message>
        <message>
            <source>Remo&amp;ve</source>
            <translation>&amp;Quitar</translation>
        </message>
        <message>
            <source>Remove the selected alias</source>
            <translation>Quitar el alias seleccionado</translation>
        </message>
        <message>
            <source>Ne&amp;w name</source>
            <translation>Nuevo nom&amp;bre</translation>
        </message>
        <message>
            <source>street name</source>
            <translation>apodo</translation>
        </message>
        <message>
            <source>alias</source>
            <translation>alias</translation>
        </message>
        <message>
            <source>{0} ({1})</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <source>Alias: {0}; {1}</source>
            <translation>Alias: {0}; {1}</translation>
        </message>
    </context>
    <context>
        <name>AppContext</name>
        <message>
            <source>The store is locked; unlock it first.</source>
            <extracomment>Draft keepers of the open forms, saved at once before an idle lock.</extracomment>
            <translation>La base de datos está bloqueada; desbloquéela primero.</translation>
        </message>
    </context>
    <context>
        <name>AreaResult</name>
        <message>
            <source>Coverage result icon</source>
            <translation>Icono del resultado de cobertura</translation>
        </message>
        <message>
            <source>No place chosen yet: click the map or find a place.</source>
            <translation>Aún no se eligió un lugar: haga clic en el mapa o busque un lugar.</translation>
        </message>
        <message>
            <source>Inside the LEAD area: this referral can go ahead.</source>
            <translation>Dentro del área de LEAD: esta remisión puede seguir adelante.</translation>
        </message>
        <message>
            <source>Outside the LEAD area: this referral cannot be accepted. Record it as declined.</source>
            <translation>Fuera del área de LEAD: esta remisión no se puede aceptar. Regístrela como rechazada.</translation>
        </message>
    </context>
    <context>
        <name>AssessmentsTab</name>
        <message>
            <source>Past screenings</source>
            <translation>Tamizajes anteriores</translation>
        </message>
        <message>
            <source>No screenings given yet. Give the first one below, then press Save screening.</source>
            <translation>Aún no se ha aplicado ningún tamizaje. Aplique el primero abajo y luego presione Guardar tamizaje.</translation>
        </message>
        <message>
            <source>No screenings</source>
            <translation>Sin tamizajes</translation>
        </message>
        <message>
            <source>Pick a screening to see its answers.</source>
            <translation>Elija un tamizaje para ver sus respuestas.</translation>
        </message>
        <message>
            <source>Answers of the selected screening</source>
            <translation>Respuestas del tamizaje seleccionado</translation>
        </message>
        <message>
            <source>New screening</source>
            <translation>Nuevo tamizaje</translation>
        </message>
        <message>
            <source>{0}. {1} — {2}</source>
            <translation>{0}. {1} — {2}</translation>
        </message>
    </context>
    <context>
        <name>CandidatesModel</name>
        <message>
            <source>name {0:.0f}</source>
            <translation>nombre {0:.0f}</translation>
        </message>
        <message>
            <source>date of birth {0:.0f}</source>
            <translation>fecha de nacimiento {0:.0f}</translation>
        </message>
        <message>
            <source>alias {0:.0f}</source>
            <translation>alias {0:.0f}</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>sin registrar</translation>
        </message>
        <message>
            <source>{0:.0f} of 100</source>
            <translation>{0:.0f} de 100</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>Nacimiento</translation>
        </message>
        <message>
            <source>Match</source>
            <translation>Coincidencia</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Motivo</translation>
        </message>
    </context>
    <context>
        <name>CapacityLabel</name>
        <message>
            <source>Warning</source>
            <translation>Advertencia</translation>
        </message>
        <message>
            <source>at capacity</source>
            <translation>al límite</translation>
        </message>
        <message>
            <source>over capacity</source>
            <translation>por encima del límite</translation>
        </message>
        <message>
            <source>{0}: {1}</source>
            <translation>{0}: {1}</translation>
        </message>
    </context>
    <context>
        <name>CaseloadModel</name>
        <message>
            <source>Name</source>
            <extracomment>The CaseRow field each column sorts by (see lead_desktop.store.caseload.SORT_KEYS). Role giving a row's participant id.</extracomment>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Fecha de nacimiento</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Case manager</source>
            <translation>Administrador de casos</translation>
        </message>
        <message>
            <source>Last contact</source>
            <translation>Último contacto</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Requiere atención</translation>
        </message>
        <message>
            <source>none</source>
            <translation>sin datos</translation>
        </message>
        <message>
            <source>still loading</source>
            <translation>todavía cargando</translation>
        </message>
        <message>
            <source>{0}: {1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <source>Still loading; shown in a moment</source>
            <translation>Todavía cargando; se muestra en un momento</translation>
        </message>
        <message>
            <source>Nothing needs attention</source>
            <translation>Nada requiere atención</translation>
        </message>
        <message>
            <source>No contact logged yet</source>
            <translation>Aún no hay contactos registrados</translation>
        </message>
        <message>
            <source>No case manager assigned</source>
            <translation>Sin administrador de casos asignado</translation>
        </message>
        <message>
            <source>{0}. Press Enter or double-click to open.</source>
            <translation>{0}. Presione Enter o haga doble clic para abrir.</translation>
        </message>
        <message>
            <source>Consent expires {0}</source>
            <translation>El consentimiento vence el {0}</translation>
        </message>
        <message>
            <source>Intake due in {0} days</source>
            <translation>Admisión pendiente: vence en {0} días</translation>
        </message>
        <message>
            <source>Intake due today</source>
            <translation>Admisión pendiente: vence hoy</translation>
        </message>
        <message>
            <source>Intake overdue by {0} days</source>
            <translation>Admisión atrasada {0} días</translation>
        </message>
        <message>
            <source>Plan review due {0}</source>
            <translation>Revisión del plan: {0}</translation>
        </message>
    </context>
    <context>
        <name>CaseloadView</name>
        <message>
            <source>&amp;Find:</source>
            <extracomment>Results shown for a search. Typing pauses this long: the search counts as done and is audited once. Typing pauses this long: details of results outside the loaded caseload are read. Changes that cannot alter the caseload. Filters and sort fields that need the casework columns (phase 2 of loading everyone).</extracomment>
            <translation>&amp;Buscar:</translation>
        </message>
        <message>
            <source>Search participants</source>
            <translation>Buscar participantes</translation>
        </message>
        <message>
            <source>Name, alias or date of birth; typos are fine (Ctrl+F)</source>
            <translation>Nombre, alias o fecha de nacimiento; se aceptan errores de escritura (Ctrl+F)</translation>
        </message>
        <message>
            <source>S&amp;how:</source>
            <translation>&amp;Mostrar:</translation>
        </message>
        <message>
            <source>Show which participants</source>
            <translation>Qué participantes mostrar</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Todos</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Activos</translation>
        </message>
        <message>
            <source>Inactive</source>
            <translation>Inactivos</translation>
        </message>
        <message>
            <source>In the wind</source>
            <translation>Paradero desconocido</translation>
        </message>
        <message>
            <source>Intake overdue</source>
            <translation>Admisión vencida</translation>
        </message>
        <message>
            <source>Consent expiring (30 days)</source>
            <translation>Consentimiento por vencer (30 días)</translation>
        </message>
        <message>
            <source>Plan review due (7 days)</source>
            <translation>Revisión del plan próxima (7 días)</translation>
        </message>
        <message>
            <source>&amp;My caseload</source>
            <translation>Mis &amp;casos</translation>
        </message>
        <message>
            <source>Only my caseload</source>
            <translation>Solo mis casos</translation>
        </message>
        <message>
            <source>&amp;Everyone</source>
            <translation>T&amp;odo el programa</translation>
        </message>
        <message>
            <source>Everyone in the program</source>
            <translation>Todas las personas del programa</translation>
        </message>
        <message>
            <source>Program capacity</source>
            <translation>Capacidad del programa</translation>
        </message>
        <message>
            <source>My caseload against the maximum</source>
            <translation>Mis casos frente al máximo</translation>
        </message>
        <message>
            <source>Participants listed</source>
            <translation>Participantes en la lista</translation>
        </message>
        <message>
            <source>Searching everyone; clear the search to filter.</source>
            <translation>Se busca en todo el programa; borre la búsqueda para filtrar.</translation>
        </message>
        <message>
            <source>Caseload</source>
            <translation>Casos</translation>
        </message>
        <message>
            <source>Loading the caseload…</source>
            <translation>Cargando los casos…</translation>
        </message>
        <message>
            <source>Caseload message</source>
            <translation>Mensaje de la lista de casos</translation>
        </message>
        <message>
            <source>The caseload could not be loaded. {0}</source>
            <translation>No se pudieron cargar los casos. {0}</translation>
        </message>
        <message>
            <source>Program: {0} of {1} active</source>
            <translation>Programa: {0} de {1} activos</translation>
        </message>
        <message>
            <source>My caseload: {0} of {1}</source>
            <translation>Mis casos: {0} de {1}</translation>
        </message>
        <message>
            <source>1 match</source>
            <translation>1 coincidencia</translation>
        </message>
        <message>
            <source>{0} matches</source>
            <translation>{0} coincidencias</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
        <message>
            <source>1 participant</source>
            <translation>1 participante</translation>
        </message>
        <message>
            <source>{0} participants</source>
            <translation>{0} participantes</translation>
        </message>
        <message>
            <source>{0}; still loading what needs attention…</source>
            <translation>{0}; todavía cargando lo que requiere atención…</translation>
        </message>
        <message>
            <source>Loading everyone in the program…</source>
            <translation>Cargando a todas las personas del programa…</translation>
        </message>
        <message>
            <source>Still loading what needs attention; this list shows in a moment.</source>
            <translation>Todavía cargando lo que requiere atención; esta lista se muestra en un momento.</translation>
        </message>
        <message>
            <source>Nobody matches that search. Check the spelling, or try part of the name, an alias or street name, or a date of birth.</source>
            <translation>Nadie coincide con esa búsqueda. Revise la ortografía o pruebe con parte del nombre, un alias o apodo, o una fecha de nacimiento.</translation>
        </message>
        <message>
            <source>No participants yet. They appear here once a referral is recorded or a spreadsheet is imported.</source>
            <translation>Todavía no hay participantes. Aparecerán aquí cuando se registre una remisión o se importe una hoja de cálculo.</translation>
        </message>
        <message>
            <source>No participants are assigned to you. Choose Everyone to see the whole program.</source>
            <translation>No tiene participantes asignados. Elija Todo el programa para ver a todos.</translation>
        </message>
        <message>
            <source>No one matches this filter. Choose All in Show, or Everyone, to see more people.</source>
            <translation>Nadie coincide con este filtro. Elija Todos en Mostrar, o Todo el programa, para ver a más personas.</translation>
        </message>
        <message>
            <source>The search failed. {0}</source>
            <translation>La búsqueda falló. {0}</translation>
        </message>
    </context>
    <context>
        <name>ComputerPage</name>
        <message>
            <source>These settings belong to this computer, not to the program. The language is used from the unlock screen on.</source>
            <extracomment>Languages offered, each named in its own language (so anyone can find theirs).</extracomment>
            <translation>Estos ajustes son de esta computadora, no del programa. El idioma se aplica desde la pantalla de desbloqueo.</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>Idioma de la interfaz</translation>
        </message>
        <message>
            <source>Light or dark theme</source>
            <translation>Tema claro u oscuro</translation>
        </message>
        <message>
            <source>Follow the system's light or dark setting</source>
            <translation>Seguir el ajuste claro u oscuro del sistema</translation>
        </message>
        <message>
            <source>Always light</source>
            <translation>Siempre claro</translation>
        </message>
        <message>
            <source>Always dark</source>
            <translation>Siempre oscuro</translation>
        </message>
        <message>
            <source>Interface &amp;language:</source>
            <translation>&amp;Idioma de la interfaz:</translation>
        </message>
        <message>
            <source>T&amp;heme:</source>
            <translation>Te&amp;ma:</translation>
        </message>
    </context>
    <context>
        <name>ConflictsAction</name>
        <message>
            <source>Re&amp;view conflicts ({0})</source>
            <translation>Re&amp;visar conflictos ({0})</translation>
        </message>
        <message>
            <source>Re&amp;view conflicts</source>
            <translation>Re&amp;visar conflictos</translation>
        </message>
        <message>
            <source>Open conflicts: {0}. Pick the value each record keeps.</source>
            <translation>Conflictos abiertos: {0}. Elija el valor que conserva cada expediente.</translation>
        </message>
        <message>
            <source>No conflicts to review</source>
            <translation>No hay conflictos por revisar</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <source>(empty)</source>
            <extracomment>Words the screen shows for values and people it cannot name.</extracomment>
            <translation>(vacío)</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>another worker</source>
            <translation>otra persona del equipo</translation>
        </message>
        <message>
            <source>No participant</source>
            <translation>Sin participante</translation>
        </message>
        <message>
            <source>Review conflicts</source>
            <translation>Revisar conflictos</translation>
        </message>
        <message>
            <source>Two laptops changed the same field before they synced. The server kept one value and set the other aside; nothing was lost. Pick the value the record keeps: your choice is saved as a change and syncs to every laptop.</source>
            <translation>Dos laptops cambiaron el mismo campo antes de sincronizar. El servidor conservó un valor y apartó el otro; no se perdió nada. Elija el valor que conserva el expediente: su elección se guarda como un cambio y se sincroniza con todas las laptops.</translation>
        </message>
        <message>
            <source>Open conflicts</source>
            <translation>Conflictos abiertos</translation>
        </message>
        <message>
            <source>No conflicts to review. When two laptops change the same field, the conflict shows here after a sync, for you to pick the value to keep.</source>
            <translation>No hay conflictos por revisar. Cuando dos laptops cambian el mismo campo, el conflicto aparece aquí después de sincronizar, para que usted elija el valor que se conserva.</translation>
        </message>
        <message>
            <source>No conflicts</source>
            <translation>Sin conflictos</translation>
        </message>
        <message>
            <source>Selected conflict</source>
            <translation>Conflicto seleccionado</translation>
        </message>
        <message>
            <source>Value kept</source>
            <translation>Valor conservado</translation>
        </message>
        <message>
            <source>&amp;Keep this value</source>
            <translation>&amp;Conservar este valor</translation>
        </message>
        <message>
            <source>Other value</source>
            <translation>Otro valor</translation>
        </message>
        <message>
            <source>&amp;Use the other value</source>
            <translation>&amp;Usar el otro valor</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Qué pasó</translation>
        </message>
        <message>
            <source>Close the conflict review</source>
            <translation>Cerrar la revisión de conflictos</translation>
        </message>
        <message>
            <source>{0} — {1}: {2}</source>
            <translation>{0} — {1}: {2}</translation>
        </message>
        <message>
            <source>Saved: the record now holds the value you picked. It syncs at the next sync.</source>
            <translation>Guardado: el expediente tiene ahora el valor que eligió. Se sincroniza en la próxima sincronización.</translation>
        </message>
        <message>
            <source>Saved: the record keeps the value it holds. Your choice syncs at the next sync.</source>
            <translation>Guardado: el expediente conserva el valor que tiene. Su elección se sincroniza en la próxima sincronización.</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Campo</translation>
        </message>
        <message>
            <source>Part of the record</source>
            <translation>Parte del expediente</translation>
        </message>
        <message>
            <source>Participant</source>
            <translation>Participante</translation>
        </message>
        <message>
            <source>Set by {0}</source>
            <translation>Establecido por {0}</translation>
        </message>
        <message>
            <source>Set by {0}, {1}</source>
            <translation>Establecido por {0}, {1}</translation>
        </message>
    </context>
    <context>
        <name>ConsentActDialog</name>
        <message>
            <source>Loading the consent…</source>
            <extracomment>Names the dialog and its controls (``&lt;name&gt;_dialog``, ``&lt;name&gt;_submit``...). Issue fields shown beside a field of the dialog (the rest go to the refusal at the top).</extracomment>
            <translation>Cargando el consentimiento…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Not allowed:</source>
            <translation>No permitido:</translation>
        </message>
        <message>
            <source>Nothing was recorded: see the message beside the field.</source>
            <translation>No se registró nada: vea el mensaje junto al campo.</translation>
        </message>
        <message>
            <source>Nothing was recorded.</source>
            <translation>No se registró nada.</translation>
        </message>
        <message>
            <source>Refused:</source>
            <translation>Rechazado:</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
    </context>
    <context>
        <name>ConsentActions</name>
        <message>
            <source>What to do with the selected consent</source>
            <translation>Qué hacer con el consentimiento seleccionado</translation>
        </message>
        <message>
            <source>Complete draft</source>
            <translation>Completar borrador</translation>
        </message>
        <message>
            <source>Complete the draft in the form</source>
            <translation>Complete el borrador en el formulario</translation>
        </message>
        <message>
            <source>&amp;Sign…</source>
            <translation>&amp;Firmar…</translation>
        </message>
        <message>
            <source>Sign the consent</source>
            <translation>Firmar el consentimiento</translation>
        </message>
        <message>
            <source>Revo&amp;ke…</source>
            <translation>&amp;Revocar…</translation>
        </message>
        <message>
            <source>Revoke the consent</source>
            <translation>Revocar el consentimiento</translation>
        </message>
        <message>
            <source>Final disp&amp;osition…</source>
            <translation>Resolución fina&amp;l…</translation>
        </message>
        <message>
            <source>Record the final disposition of the case</source>
            <translation>Registrar la resolución final del caso</translation>
        </message>
        <message>
            <source>Record a d&amp;isclosure…</source>
            <translation>Registrar una &amp;divulgación…</translation>
        </message>
        <message>
            <source>Record a disclosure under the consent</source>
            <translation>Registrar una divulgación amparada por el consentimiento</translation>
        </message>
        <message>
            <source>Preview / print consent</source>
            <translation>Vista previa / imprimir consentimiento</translation>
        </message>
        <message>
            <source>Preview and print the consent form</source>
            <translation>Ver e imprimir el formulario de consentimiento</translation>
        </message>
        <message>
            <source>Preview and print the selected consent (Ctrl+P)</source>
            <translation>Ver e imprimir el consentimiento seleccionado (Ctrl+P)</translation>
        </message>
        <message>
            <source>Revocation &amp;form</source>
            <translation>For&amp;mulario de revocación</translation>
        </message>
        <message>
            <source>Preview and print the revocation form</source>
            <translation>Ver e imprimir el formulario de revocación</translation>
        </message>
        <message>
            <source>Accounting of disclosur&amp;es</source>
            <translation>Relación de divul&amp;gaciones</translation>
        </message>
        <message>
            <source>Preview and print the accounting of disclosures</source>
            <translation>Ver e imprimir la relación de divulgaciones</translation>
        </message>
        <message>
            <source>Why the consent cannot be revoked</source>
            <translation>Por qué no se puede revocar el consentimiento</translation>
        </message>
        <message>
            <source>Why nothing can be disclosed under it</source>
            <translation>Por qué no se puede divulgar nada con este consentimiento</translation>
        </message>
        <message>
            <source>Select a consent in the list to sign, revoke, disclose under or print it.</source>
            <translation>Seleccione un consentimiento de la lista para firmarlo, revocarlo, divulgar con él o imprimirlo.</translation>
        </message>
        <message>
            <source>Selected: {0}, {1}.</source>
            <translation>Seleccionado: {0}, {1}.</translation>
        </message>
        <message>
            <source>Flagged as false or invalid.</source>
            <translation>Marcado como falso o no válido.</translation>
        </message>
        <message>
            <source>A signed or revoked consent is kept as it was signed.</source>
            <translation>Un consentimiento firmado o revocado se conserva tal como se firmó.</translation>
        </message>
        <message>
            <source>Only a draft can be signed; this one is {0}.</source>
            <translation>Solo se puede firmar un borrador; este está en estado {0}.</translation>
        </message>
        <message>
            <source>Revoke: {0}</source>
            <translation>Revocar: {0}</translation>
        </message>
        <message>
            <source>Disclose: {0}</source>
            <translation>Divulgar: {0}</translation>
        </message>
        <message>
            <source>Only a signed consent has a revocation form.</source>
            <translation>Solo un consentimiento firmado tiene formulario de revocación.</translation>
        </message>
    </context>
    <context>
        <name>ConsentPage</name>
        <message>
            <source>&amp;Record a consent now</source>
            <translation>Registrar un consentimiento a&amp;hora</translation>
        </message>
        <message>
            <source>Record a consent now</source>
            <translation>Registrar un consentimiento ahora</translation>
        </message>
        <message>
            <source>Kept as a draft consent: print it and mark it signed from the participant's record.</source>
            <translation>Se guarda como borrador de consentimiento: imprímalo y márquelo como firmado desde el expediente del participante.</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Elija…</translation>
        </message>
        <message>
            <source>&amp;Kind of consent:</source>
            <translation>&amp;Tipo de consentimiento:</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Inglés</translation>
        </message>
        <message>
            <source>Spanish</source>
            <translation>Español</translation>
        </message>
        <message>
            <source>Lan&amp;guage:</source>
            <translation>&amp;Idioma:</translation>
        </message>
        <message>
            <source>&amp;Disclosed by:</source>
            <translation>&amp;Divulgado por:</translation>
        </message>
        <message>
            <source>One per line, e.g. State's Attorney's Office</source>
            <translation>Uno por línea, p. ej., Fiscalía del Estado</translation>
        </message>
        <message>
            <source>Reci&amp;pients:</source>
            <translation>Desti&amp;natarios:</translation>
        </message>
        <message>
            <source>Participation and attendance</source>
            <translation>Participación y asistencia</translation>
        </message>
        <message>
            <source>Substance use treatment</source>
            <translation>Tratamiento por consumo de sustancias</translation>
        </message>
        <message>
            <source>Mental health</source>
            <translation>Salud mental</translation>
        </message>
        <message>
            <source>Physical health</source>
            <translation>Salud física</translation>
        </message>
        <message>
            <source>Housing</source>
            <translation>Vivienda</translation>
        </message>
        <message>
            <source>Income and benefits</source>
            <translation>Ingresos y beneficios</translation>
        </message>
        <message>
            <source>Legal status and court dates</source>
            <translation>Situación legal y fechas de corte</translation>
        </message>
        <message>
            <source>Information details</source>
            <translation>Detalles de la información</translation>
        </message>
        <message>
            <source>Details, if any</source>
            <translation>Detalles, si los hay</translation>
        </message>
        <message>
            <source>&amp;Information:</source>
            <translation>In&amp;formación:</translation>
        </message>
        <message>
            <source>e.g. to coordinate services and court dates</source>
            <translation>p. ej., para coordinar servicios y fechas de corte</translation>
        </message>
        <message>
            <source>P&amp;urpose:</source>
            <translation>&amp;Propósito:</translation>
        </message>
        <message>
            <source>E&amp;xpires on:</source>
            <translation>&amp;Vence el:</translation>
        </message>
        <message>
            <source>Or expires &amp;when:</source>
            <translation>O vence &amp;cuando:</translation>
        </message>
        <message>
            <source>&amp;Signer:</source>
            <translation>Fir&amp;mante:</translation>
        </message>
        <message>
            <source>The participant</source>
            <translation>El participante</translation>
        </message>
        <message>
            <source>A representative</source>
            <translation>Un representante</translation>
        </message>
        <message>
            <source>Signer is:</source>
            <translation>Quien firma es:</translation>
        </message>
        <message>
            <source>Representative's &amp;authority:</source>
            <translation>A&amp;utoridad del representante:</translation>
        </message>
        <message>
            <source>Signed on pap&amp;er</source>
            <translation>Firmado en pap&amp;el</translation>
        </message>
        <message>
            <source>Signed on paper</source>
            <translation>Firmado en papel</translation>
        </message>
        <message>
            <source>Wi&amp;tness:</source>
            <translation>Testig&amp;o:</translation>
        </message>
        <message>
            <source>Signed &amp;on:</source>
            <translation>Firmado e&amp;l:</translation>
        </message>
        <message>
            <source>A cop&amp;y was given to the person</source>
            <translation>La persona reci&amp;bió una copia</translation>
        </message>
        <message>
            <source>A copy was given to the person</source>
            <translation>La persona recibió una copia</translation>
        </message>
        <message>
            <source>e.g. paper copy handed over</source>
            <translation>p. ej., se entregó copia en papel</translation>
        </message>
        <message>
            <source>How the copy was given:</source>
            <translation>Cómo se entregó la copia:</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Consentimiento</translation>
        </message>
        <message>
            <source>30 days after final disposition of the case</source>
            <translation>30 días después de la resolución final del caso</translation>
        </message>
    </context>
    <context>
        <name>ConsentsModel</name>
        <message>
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>Destinatarios</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Firmado</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Vence</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>Revocado</translation>
        </message>
        <message>
            <source>{0}, flagged as false</source>
            <translation>{0}, marcado como falso</translation>
        </message>
    </context>
    <context>
        <name>ConsentsTab</name>
        <message>
            <source>Consents</source>
            <translation>Consentimientos</translation>
        </message>
        <message>
            <source>No consents recorded yet. Record the first one with the form below; it stays a draft until it is signed.</source>
            <translation>Aún no hay consentimientos registrados. Registre el primero con el formulario de abajo; queda como borrador hasta que se firme.</translation>
        </message>
        <message>
            <source>Consents, newest first</source>
            <translation>Consentimientos, los más recientes primero</translation>
        </message>
        <message>
            <source>Record a consent</source>
            <translation>Registrar un consentimiento</translation>
        </message>
        <message>
            <source>Type of consent</source>
            <translation>Tipo de consentimiento</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Inglés</translation>
        </message>
        <message>
            <source>Spanish</source>
            <translation>Español</translation>
        </message>
        <message>
            <source>Who discloses</source>
            <translation>Quién divulga</translation>
        </message>
        <message>
            <source>T&amp;ype</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Lan&amp;guage</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>Discloser</source>
            <translation>Quien divulga</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>Destinatarios</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Información</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Propósito</translation>
        </message>
        <message>
            <source>e.g. to coordinate housing services; 'at the request of the patient'</source>
            <translation>p. ej., para coordinar servicios de vivienda; 'a solicitud del paciente'</translation>
        </message>
        <message>
            <source>P&amp;urpose</source>
            <translation>&amp;Propósito</translation>
        </message>
        <message>
            <source>Expiry date</source>
            <translation>Fecha de vencimiento</translation>
        </message>
        <message>
            <source>Expiry event</source>
            <translation>Hecho de vencimiento</translation>
        </message>
        <message>
            <source>or the event that ends it</source>
            <translation>o el hecho que le pone fin</translation>
        </message>
        <message>
            <source>Final disposition</source>
            <translation>Resolución final</translation>
        </message>
        <message>
            <source>Why this duration</source>
            <translation>Por qué esta duración</translation>
        </message>
        <message>
            <source>expected treatment length, kind of proceeding, expected disposition</source>
            <translation>duración prevista del tratamiento, tipo de proceso, resolución prevista</translation>
        </message>
        <message>
            <source>E&amp;xpiry date</source>
            <translation>Fecha de &amp;vencimiento</translation>
        </message>
        <message>
            <source>Final disposition date</source>
            <translation>Fecha de resolución final</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duración</translation>
        </message>
        <message>
            <source>Signer's name</source>
            <translation>Nombre de quien firma</translation>
        </message>
        <message>
            <source>Signer role</source>
            <translation>Función de quien firma</translation>
        </message>
        <message>
            <source>Representative's authority</source>
            <translation>Autoridad del representante</translation>
        </message>
        <message>
            <source>e.g. legal guardian, order no. ...</source>
            <translation>p. ej., tutor legal, orden n.º ...</translation>
        </message>
        <message>
            <source>Signer</source>
            <translation>Firmante</translation>
        </message>
        <message>
            <source>Signs as</source>
            <translation>Firma como</translation>
        </message>
        <message>
            <source>Authority</source>
            <translation>Autoridad</translation>
        </message>
        <message>
            <source>A copy was given to the participant</source>
            <translation>El participante recibió una copia</translation>
        </message>
        <message>
            <source>How the copy was given</source>
            <translation>Cómo se entregó la copia</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copia</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Borrar</translation>
        </message>
        <message>
            <source>Clear the consent form</source>
            <translation>Borrar el formulario de consentimiento</translation>
        </message>
        <message>
            <source>Record &amp;consent</source>
            <translation>Registrar &amp;consentimiento</translation>
        </message>
        <message>
            <source>Record consent</source>
            <translation>Registrar consentimiento</translation>
        </message>
        <message>
            <source>Record it as a draft; it is signed afterwards</source>
            <translation>Registrarlo como borrador; se firma después</translation>
        </message>
        <message>
            <source>Recipient's name</source>
            <translation>Nombre del destinatario</translation>
        </message>
        <message>
            <source>Person or organisation (Enter adds it)</source>
            <translation>Persona u organización (Enter lo agrega)</translation>
        </message>
        <message>
            <source>HIPAA-co&amp;vered</source>
            <translation>Cubierto por HIP&amp;AA</translation>
        </message>
        <message>
            <source>Recipient is HIPAA-covered</source>
            <translation>El destinatario está cubierto por HIPAA</translation>
        </message>
        <message>
            <source>A class (TPO only)</source>
            <translation>Una categoría (solo TPO)</translation>
        </message>
        <message>
            <source>Recipient is a class of recipients</source>
            <translation>El destinatario es una categoría de destinatarios</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Agregar</translation>
        </message>
        <message>
            <source>Add recipient</source>
            <translation>Agregar destinatario</translation>
        </message>
        <message>
            <source>Remove recipient</source>
            <translation>Quitar destinatario</translation>
        </message>
        <message>
            <source>Remove the selected recipient</source>
            <translation>Quitar el destinatario seleccionado</translation>
        </message>
        <message>
            <source>The entire record</source>
            <translation>Todo el expediente</translation>
        </message>
        <message>
            <source>Why the entire record is needed</source>
            <translation>Por qué se necesita todo el expediente</translation>
        </message>
        <message>
            <source>Information, described specifically</source>
            <translation>Información, descrita de forma específica</translation>
        </message>
        <message>
            <source>Describe the information specifically, e.g. 'attendance and progress'</source>
            <translation>Describa la información de forma específica, p. ej., 'asistencia y progreso'</translation>
        </message>
        <message>
            <source>Still needed before printing</source>
            <translation>Falta antes de imprimir</translation>
        </message>
        <message>
            <source>What the consent still lacks</source>
            <translation>Lo que aún le falta al consentimiento</translation>
        </message>
        <message>
            <source>The signature, its date and the copy given are checked again when the consent is signed.</source>
            <translation>La firma, su fecha y la entrega de la copia se vuelven a verificar cuando se firma el consentimiento.</translation>
        </message>
        <message>
            <source>1 item still needed before it can be printed for signing.</source>
            <translation>Falta 1 dato para poder imprimirlo para firma.</translation>
        </message>
        <message>
            <source>{0} items still needed before it can be printed for signing.</source>
            <translation>Faltan {0} datos para poder imprimirlo para firma.</translation>
        </message>
        <message>
            <source>Everything needed before printing is here.</source>
            <translation>Está todo lo necesario para imprimir.</translation>
        </message>
        <message>
            <source>HIPAA coverage not recorded</source>
            <translation>Cobertura HIPAA sin registrar</translation>
        </message>
        <message>
            <source>HIPAA-covered</source>
            <translation>cubierto por HIPAA</translation>
        </message>
        <message>
            <source>not HIPAA-covered</source>
            <translation>no cubierto por HIPAA</translation>
        </message>
        <message>
            <source>{0}; a class of recipients</source>
            <translation>{0}; una categoría de destinatarios</translation>
        </message>
        <message>
            <source>{0} ({1})</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <source>{0!r} is not a date</source>
            <translation>{0!r} no es una fecha</translation>
        </message>
        <message>
            <source>use e.g. 2027-03-05</source>
            <translation>use, p. ej., 2027-03-05</translation>
        </message>
        <message>
            <source>Not recorded: see the message beside the field.</source>
            <translation>No se registró: vea el mensaje junto al campo.</translation>
        </message>
        <message>
            <source>Replace the consent being typed?</source>
            <translation>¿Reemplazar el consentimiento que está escribiendo?</translation>
        </message>
        <message>
            <source>The form holds a consent that is not recorded yet. Replace it with the draft?</source>
            <translation>El formulario tiene un consentimiento que aún no se ha registrado. ¿Reemplazarlo por el borrador?</translation>
        </message>
        <message>
            <source>&amp;Replace it</source>
            <translation>&amp;Reemplazarlo</translation>
        </message>
        <message>
            <source>Editing the selected draft: complete it, then save the changes.</source>
            <translation>Editando el borrador seleccionado: complételo y luego guarde los cambios.</translation>
        </message>
        <message>
            <source>Complete the draft consent</source>
            <translation>Completar el consentimiento en borrador</translation>
        </message>
        <message>
            <source>Save &amp;changes</source>
            <translation>Guardar &amp;cambios</translation>
        </message>
        <message>
            <source>Save the changes to the draft</source>
            <translation>Guardar los cambios del borrador</translation>
        </message>
        <message>
            <source>Stop editing</source>
            <translation>Dejar de editar</translation>
        </message>
        <message>
            <source>The draft consent was saved.</source>
            <translation>Se guardó el consentimiento en borrador.</translation>
        </message>
        <message>
            <source>Consent recorded as a draft.</source>
            <translation>Consentimiento registrado como borrador.</translation>
        </message>
        <message>
            <source>Not recorded.</source>
            <translation>No se registró.</translation>
        </message>
        <message>
            <source>A consent you had not recorded was restored.</source>
            <translation>Se restauró un consentimiento que no había registrado.</translation>
        </message>
    </context>
    <context>
        <name>ContactsModel</name>
        <message>
            <source>When</source>
            <extracomment>Services a contact may provide, stored as codes in ``encounter.services``. A contact logged this far in the future is a typing slip.</extracomment>
            <translation>Cuándo</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Lugar</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>Servicios</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <source>Logged by</source>
            <translation>Registrado por</translation>
        </message>
    </context>
    <context>
        <name>ContactsTab</name>
        <message>
            <source>Outreach / check-in</source>
            <translation>Alcance / seguimiento</translation>
        </message>
        <message>
            <source>Food</source>
            <translation>Comida</translation>
        </message>
        <message>
            <source>Hygiene kit</source>
            <translation>Kit de higiene</translation>
        </message>
        <message>
            <source>Naloxone</source>
            <translation>Naloxona</translation>
        </message>
        <message>
            <source>Harm-reduction supplies</source>
            <translation>Insumos de reducción de daños</translation>
        </message>
        <message>
            <source>Transport</source>
            <translation>Transporte</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Teléfono</translation>
        </message>
        <message>
            <source>ID documents</source>
            <translation>Documentos de identidad</translation>
        </message>
        <message>
            <source>Benefits help</source>
            <translation>Ayuda con beneficios</translation>
        </message>
        <message>
            <source>Housing help</source>
            <translation>Ayuda con vivienda</translation>
        </message>
        <message>
            <source>Health care</source>
            <translation>Atención médica</translation>
        </message>
        <message>
            <source>Treatment referral</source>
            <translation>Remisión a tratamiento</translation>
        </message>
        <message>
            <source>Mental health</source>
            <translation>Salud mental</translation>
        </message>
        <message>
            <source>Court / legal support</source>
            <translation>Apoyo legal / en la corte</translation>
        </message>
        <message>
            <source>Log a contact</source>
            <translation>Registrar un contacto</translation>
        </message>
        <message>
            <source>Contact type</source>
            <translation>Tipo de contacto</translation>
        </message>
        <message>
            <source>When the contact happened</source>
            <translation>Cuándo ocurrió el contacto</translation>
        </message>
        <message>
            <source>Type the date and time; Left and Right move between parts, Up and Down change them</source>
            <translation>Escriba la fecha y la hora; Izquierda y Derecha pasan de una parte a otra, Arriba y Abajo las cambian</translation>
        </message>
        <message>
            <source>e.g. Lexington Market, phone</source>
            <translation>p. ej., Lexington Market, teléfono</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <source>What happened, in a few words (Ctrl+Enter logs it)</source>
            <translation>Qué pasó, en pocas palabras (Ctrl+Enter lo registra)</translation>
        </message>
        <message>
            <source>e.g. engaged, referred, not found</source>
            <translation>p. ej., participó, remitido, no encontrado</translation>
        </message>
        <message>
            <source>T&amp;ype</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Wh&amp;en</source>
            <translation>&amp;Cuándo</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Cuándo</translation>
        </message>
        <message>
            <source>Pla&amp;ce</source>
            <translation>&amp;Lugar</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Lugar</translation>
        </message>
        <message>
            <source>Services given</source>
            <translation>Servicios prestados</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>Servicios</translation>
        </message>
        <message>
            <source>N&amp;ote</source>
            <translation>&amp;Nota</translation>
        </message>
        <message>
            <source>O&amp;utcome</source>
            <translation>&amp;Resultado</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Lo&amp;g contact</source>
            <translation>Re&amp;gistrar contacto</translation>
        </message>
        <message>
            <source>Log contact</source>
            <translation>Registrar contacto</translation>
        </message>
        <message>
            <source>Log the contact (Enter, or Ctrl+Enter in the note)</source>
            <translation>Registrar el contacto (Enter, o Ctrl+Enter en la nota)</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Borrar</translation>
        </message>
        <message>
            <source>Clear the form</source>
            <translation>Borrar el formulario</translation>
        </message>
        <message>
            <source>Contact log message</source>
            <translation>Mensaje del registro de contactos</translation>
        </message>
        <message>
            <source>Contact log</source>
            <translation>Registro de contactos</translation>
        </message>
        <message>
            <source>Contacts in the last 30 days</source>
            <translation>Contactos en los últimos 30 días</translation>
        </message>
        <message>
            <source>Log a correct&amp;ion…</source>
            <translation>Registrar una correcc&amp;ión…</translation>
        </message>
        <message>
            <source>Log a correction to the selected contact</source>
            <translation>Registrar una corrección del contacto seleccionado</translation>
        </message>
        <message>
            <source>Contacts are never changed; a correction is logged as a new contact</source>
            <translation>Los contactos nunca se modifican; una corrección se registra como un contacto nuevo</translation>
        </message>
        <message>
            <source>No contacts logged yet. Log the first one with the form above: Enter logs it.</source>
            <translation>Aún no hay contactos registrados. Registre el primero con el formulario de arriba: Enter lo registra.</translation>
        </message>
        <message>
            <source>Contacts, newest first</source>
            <translation>Contactos, los más recientes primero</translation>
        </message>
        <message>
            <source>{0} is in the future</source>
            <translation>{0} es una fecha futura</translation>
        </message>
        <message>
            <source>enter when the contact happened</source>
            <translation>indique cuándo ocurrió el contacto</translation>
        </message>
        <message>
            <source>Not logged: see the message beside the field.</source>
            <translation>No se registró: vea el mensaje junto al campo.</translation>
        </message>
        <message>
            <source>Contact logged.</source>
            <translation>Contacto registrado.</translation>
        </message>
        <message>
            <source>Not logged.</source>
            <translation>No se registró.</translation>
        </message>
        <message>
            <source>Correction to the contact of {0}: {1}</source>
            <translation>Corrección del contacto del {0}: {1}</translation>
        </message>
        <message>
            <source>Correcting the contact of {0}. It stays in the log as it was; this is logged as a new contact.</source>
            <translation>Corrigiendo el contacto del {0}. Queda en el registro tal como estaba; esto se registra como un contacto nuevo.</translation>
        </message>
        <message>
            <source>1 contact in the last {0} days · {1} in all</source>
            <translation>1 contacto en los últimos {0} días · {1} en total</translation>
        </message>
        <message>
            <source>{2} contacts in the last {0} days · {1} in all</source>
            <translation>{2} contactos en los últimos {0} días · {1} en total</translation>
        </message>
        <message>
            <source>Correcting the contact of {0}; logged as a new contact.</source>
            <translation>Corrigiendo el contacto del {0}; se registra como un contacto nuevo.</translation>
        </message>
        <message>
            <source>A contact you had not logged was restored.</source>
            <translation>Se restauró un contacto que no había registrado.</translation>
        </message>
    </context>
    <context>
        <name>CoverageMap</name>
        <message>
            <source>Coverage map</source>
            <extracomment>Share of the area's size left around it, so a worker can place the pin outside too. One arrow key press moves the pin this share of the view (Shift: five times more).</extracomment>
            <translation>Mapa de cobertura</translation>
        </message>
        <message>
            <source>Click where the referral happened. With the keyboard, arrow keys move the pin (Shift for larger steps) and Enter places it.</source>
            <translation>Haga clic donde ocurrió la remisión. Con el teclado, las flechas mueven el marcador (Shift para pasos más largos) y Enter lo coloca.</translation>
        </message>
        <message>
            <source>Click where the referral happened, or use arrow keys and Enter</source>
            <translation>Haga clic donde ocurrió la remisión, o use las flechas y Enter</translation>
        </message>
        <message>
            <source>No pin placed.</source>
            <translation>No se ha colocado ningún marcador.</translation>
        </message>
        <message>
            <source>Pin at latitude {0:.5f}, longitude {1:.5f}.</source>
            <translation>Marcador en latitud {0:.5f}, longitud {1:.5f}.</translation>
        </message>
        <message>
            <source>Arrow keys move the pin (Shift for larger steps); Enter places it.</source>
            <translation>Las flechas mueven el marcador (Shift para pasos más largos); Enter lo coloca.</translation>
        </message>
        <message>
            <source>Loading the map…</source>
            <translation>Cargando el mapa…</translation>
        </message>
        <message>
            <source>{0} m</source>
            <translation>{0} m</translation>
        </message>
        <message>
            <source>N</source>
            <translation>N</translation>
        </message>
        <message>
            <source>Arrow keys move the pin · Enter places it</source>
            <translation>Las flechas mueven el marcador · Enter lo coloca</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>AAAA-MM-DD</translation>
        </message>
        <message>
            <source>Pick a date (Alt+Down)</source>
            <translation>Elegir una fecha (Alt+Down)</translation>
        </message>
        <message>
            <source>Type the date, or press Alt+Down to pick it from a calendar</source>
            <translation>Escriba la fecha o presione Alt+Down para elegirla en un calendario</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>Calendario</translation>
        </message>
    </context>
    <context>
        <name>DecisionPage</name>
        <message>
            <source>Outside the LEAD area</source>
            <translation>Fuera del área de LEAD</translation>
        </message>
        <message>
            <source>Excluded by the screen</source>
            <translation>Excluida por el filtro de exclusión</translation>
        </message>
        <message>
            <source>Not eligible (prosecutor's decision)</source>
            <translation>No elegible (decisión del fiscal)</translation>
        </message>
        <message>
            <source>The person declined to take part</source>
            <translation>La persona no quiso participar</translation>
        </message>
        <message>
            <source>Other reason</source>
            <translation>Otro motivo</translation>
        </message>
        <message>
            <source>What the earlier steps found</source>
            <translation>Lo que encontraron los pasos anteriores</translation>
        </message>
        <message>
            <source>&amp;Accept into LEAD: intake starts now</source>
            <translation>A&amp;ceptar en LEAD: la admisión empieza ahora</translation>
        </message>
        <message>
            <source>Accept into LEAD</source>
            <translation>Aceptar en LEAD</translation>
        </message>
        <message>
            <source>&amp;Decline: the person is processed as usual; the referral is kept</source>
            <translation>Rec&amp;hazar: la persona sigue el proceso habitual; la remisión se conserva</translation>
        </message>
        <message>
            <source>Decline</source>
            <translation>Rechazar</translation>
        </message>
        <message>
            <source>Choose the reason…</source>
            <translation>Elija el motivo…</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motivo:</translation>
        </message>
        <message>
            <source>Optional details, in a few words</source>
            <translation>Detalles opcionales, en pocas palabras</translation>
        </message>
        <message>
            <source>D&amp;etails:</source>
            <translation>&amp;Detalles:</translation>
        </message>
        <message>
            <source>For a declined new person, no participant record is made and the name is not kept.</source>
            <translation>Si se rechaza a una persona nueva, no se crea un expediente de participante y no se guarda su nombre.</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Decisión</translation>
        </message>
        <message>
            <source>This referral cannot be accepted: {0}.</source>
            <translation>Esta remisión no se puede aceptar: {0}.</translation>
        </message>
        <message>
            <source>Choose accept or decline.</source>
            <translation>Elija aceptar o rechazar.</translation>
        </message>
    </context>
    <context>
        <name>DisclosureDialog</name>
        <message>
            <source>Record a disclosure</source>
            <translation>Registrar una divulgación</translation>
        </message>
        <message>
            <source>&amp;Record disclosure</source>
            <translation>&amp;Registrar divulgación</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Destinatario</translation>
        </message>
        <message>
            <source>Purpose of the disclosure</source>
            <translation>Propósito de la divulgación</translation>
        </message>
        <message>
            <source>What is disclosed</source>
            <translation>Qué se divulga</translation>
        </message>
        <message>
            <source>e.g. attendance in March</source>
            <translation>p. ej., asistencia en marzo</translation>
        </message>
        <message>
            <source>How it is sent (optional)</source>
            <translation>Cómo se envía (opcional)</translation>
        </message>
        <message>
            <source>Fax</source>
            <translation>Fax</translation>
        </message>
        <message>
            <source>Secure email</source>
            <translation>Correo electrónico seguro</translation>
        </message>
        <message>
            <source>Mail</source>
            <translation>Correo postal</translation>
        </message>
        <message>
            <source>In person</source>
            <translation>En persona</translation>
        </message>
        <message>
            <source>&amp;Recipient</source>
            <translation>&amp;Destinatario</translation>
        </message>
        <message>
            <source>&amp;Purpose</source>
            <translation>&amp;Propósito</translation>
        </message>
        <message>
            <source>&amp;What is disclosed</source>
            <translation>&amp;Qué se divulga</translation>
        </message>
        <message>
            <source>How it is &amp;sent</source>
            <translation>Cómo se &amp;envía</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <source>{0}. It allows disclosure only to: {1}. Each disclosure is logged for the participant's accounting of disclosures.</source>
            <translation>{0}. Solo permite divulgar a: {1}. Cada divulgación se anota en la relación de divulgaciones del participante.</translation>
        </message>
        <message>
            <source>&amp;Preview / print the cover sheet</source>
            <translation>&amp;Vista previa / imprimir la hoja de portada</translation>
        </message>
        <message>
            <source>Preview and print the cover sheet</source>
            <translation>Ver e imprimir la hoja de portada</translation>
        </message>
        <message>
            <source>The disclosure is recorded in the accounting of disclosures. Send the cover sheet with it: it carries the 42 CFR §2.32 notice and a summary of the consent.</source>
            <translation>La divulgación queda registrada en la relación de divulgaciones. Envíela junto con la hoja de portada: lleva el aviso del 42 CFR §2.32 y un resumen del consentimiento.</translation>
        </message>
    </context>
    <context>
        <name>DispositionDialog</name>
        <message>
            <source>Final disposition of the case</source>
            <translation>Resolución final del caso</translation>
        </message>
        <message>
            <source>&amp;Record</source>
            <translation>&amp;Registrar</translation>
        </message>
        <message>
            <source>Date of the final disposition</source>
            <translation>Fecha de la resolución final</translation>
        </message>
        <message>
            <source>&amp;Final disposition</source>
            <translation>Resolución &amp;final</translation>
        </message>
        <message>
            <source>not a criminal-justice consent</source>
            <translation>no es un consentimiento de justicia penal</translation>
        </message>
        <message>
            <source>{0}. It can be revoked from the day of the final disposition and ends {1} days after it.</source>
            <translation>{0}. Se puede revocar a partir del día de la resolución final y termina {1} días después.</translation>
        </message>
        <message>
            <source>the date is missing</source>
            <translation>falta la fecha</translation>
        </message>
        <message>
            <source>enter the date of the final disposition</source>
            <translation>indique la fecha de la resolución final</translation>
        </message>
    </context>
    <context>
        <name>DocumentPreview</name>
        <message>
            <source>Preview: {0}</source>
            <extracomment>Kinds whose final form can be refused (the consent gate, the revocation rule).</extracomment>
            <translation>Vista previa: {0}</translation>
        </message>
        <message>
            <source>Document preview</source>
            <translation>Vista previa del documento</translation>
        </message>
        <message>
            <source>Language of the document</source>
            <translation>Idioma del documento</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Español</source>
            <translation>Español</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>Lar&amp;ge print</source>
            <translation>Letra &amp;grande</translation>
        </message>
        <message>
            <source>Large print</source>
            <translation>Letra grande</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>&amp;Alejar</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Alejar</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>A&amp;cercar</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Acercar</translation>
        </message>
        <message>
            <source>Fit &amp;width</source>
            <translation>Ajustar al a&amp;ncho</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translation>Ajustar al ancho</translation>
        </message>
        <message>
            <source>Number of pages</source>
            <translation>Número de páginas</translation>
        </message>
        <message>
            <source>The document as it will print</source>
            <translation>El documento tal como se imprimirá</translation>
        </message>
        <message>
            <source>Document status</source>
            <translation>Estado del documento</translation>
        </message>
        <message>
            <source>Why Print final is off</source>
            <translation>Por qué Imprimir final está desactivado</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Qué pasó</translation>
        </message>
        <message>
            <source>Print &amp;final…</source>
            <translation>Imprimir &amp;final…</translation>
        </message>
        <message>
            <source>Print final</source>
            <translation>Imprimir final</translation>
        </message>
        <message>
            <source>Print &amp;draft…</source>
            <translation>Imprimir &amp;borrador…</translation>
        </message>
        <message>
            <source>Print the draft</source>
            <translation>Imprimir el borrador</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>Guardar como &amp;PDF…</translation>
        </message>
        <message>
            <source>Save as PDF (not encrypted)</source>
            <translation>Guardar como PDF (sin cifrar)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Before it can be printed as final</source>
            <translation>Antes de imprimirlo como final</translation>
        </message>
        <message>
            <source>What is missing before the final form</source>
            <translation>Lo que falta para la versión final</translation>
        </message>
        <message>
            <source>Preparing the document…</source>
            <translation>Preparando el documento…</translation>
        </message>
        <message>
            <source>{0} page(s)</source>
            <translation>{0} página(s)</translation>
        </message>
        <message>
            <source>This document cannot be shown.</source>
            <translation>No se puede mostrar este documento.</translation>
        </message>
        <message>
            <source>Everything needed is here.</source>
            <translation>Está todo lo necesario.</translation>
        </message>
        <message>
            <source>1 item is missing:</source>
            <translation>Falta 1 dato:</translation>
        </message>
        <message>
            <source>{0} items are missing:</source>
            <translation>Faltan {0} datos:</translation>
        </message>
        <message>
            <source>Print final is off: the form lacks 1 item, listed beside the preview. A draft can still be printed for review.</source>
            <translation>Imprimir final está desactivado: al formulario le falta 1 dato, indicado junto a la vista previa. Aun así, se puede imprimir un borrador para revisarlo.</translation>
        </message>
        <message>
            <source>Print final is off: the form lacks {0} items, listed beside the preview. A draft can still be printed for review.</source>
            <translation>Imprimir final está desactivado: al formulario le faltan {0} datos, indicados junto a la vista previa. Aun así, se puede imprimir un borrador para revisarlo.</translation>
        </message>
        <message>
            <source>DRAFT: not valid for signature or disclosure (document {0}).</source>
            <translation>BORRADOR: no es válido para firma ni divulgación (documento {0}).</translation>
        </message>
        <message>
            <source>Final form, ready to print (document {0}).</source>
            <translation>Versión final, lista para imprimir (documento {0}).</translation>
        </message>
        <message>
            <source>Print the final form and record it</source>
            <translation>Imprimir la versión final y registrarla</translation>
        </message>
        <message>
            <source>LEAD document {0}</source>
            <translation>Documento LEAD {0}</translation>
        </message>
        <message>
            <source>Sent {0} page(s) to the printer.</source>
            <translation>Se enviaron {0} página(s) a la impresora.</translation>
        </message>
        <message>
            <source>Saved as {0}. The file is not encrypted: delete it once printed.</source>
            <translation>Guardado como {0}. El archivo no está cifrado: elimínelo después de imprimirlo.</translation>
        </message>
        <message>
            <source>{0} It is recorded in the participant's documents.</source>
            <translation>{0} Queda registrado en los documentos del participante.</translation>
        </message>
        <message>
            <source>Not recorded: {0}</source>
            <translation>No se registró: {0}</translation>
        </message>
    </context>
    <context>
        <name>DocumentsModel</name>
        <message>
            <source>Document</source>
            <extracomment>Characters of the sha256 shown (the full hash is in the tooltip).</extracomment>
            <translation>Documento</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>Template version</source>
            <translation>Versión de la plantilla</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Creado</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Inglés</translation>
        </message>
        <message>
            <source>Spanish</source>
            <translation>Español</translation>
        </message>
    </context>
    <context>
        <name>DocumentsTab</name>
        <message>
            <source>No documents yet. Each service plan or consent printed for this participant is listed here with its fingerprint (SHA-256), so a reprint can be checked against the original.</source>
            <translation>Todavía no hay documentos. Cada plan de servicios o consentimiento impreso para este participante aparece aquí con su huella digital (SHA-256), para poder comparar una reimpresión con el original.</translation>
        </message>
        <message>
            <source>Documents, newest first</source>
            <translation>Documentos, los más recientes primero</translation>
        </message>
        <message>
            <source>&amp;Verify reprint</source>
            <translation>&amp;Verificar reimpresión</translation>
        </message>
        <message>
            <source>Verify a reprint against the original</source>
            <translation>Comparar una reimpresión con el original</translation>
        </message>
        <message>
            <source>&amp;Open preview</source>
            <translation>&amp;Abrir vista previa</translation>
        </message>
        <message>
            <source>Open the preview of the document</source>
            <translation>Abrir la vista previa del documento</translation>
        </message>
        <message>
            <source>Result of the reprint check</source>
            <translation>Resultado de la verificación de la reimpresión</translation>
        </message>
        <message>
            <source>Build the selected document again and compare it with the fingerprint of what was printed</source>
            <translation>Volver a generar el documento seleccionado y compararlo con la huella digital de lo que se imprimió</translation>
        </message>
        <message>
            <source>Show the selected document as it would print today</source>
            <translation>Mostrar el documento seleccionado tal como se imprimiría hoy</translation>
        </message>
        <message>
            <source>Select a document in the list first</source>
            <translation>Primero seleccione un documento de la lista</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Verificando…</translation>
        </message>
        <message>
            <source>Identical to the printed original.</source>
            <translation>Idéntico al original impreso.</translation>
        </message>
        <message>
            <source>Differs from the printed original: {0}.</source>
            <translation>Difiere del original impreso: {0}.</translation>
        </message>
    </context>
    <context>
        <name>DraftBanner</name>
        <message>
            <source>Unsaved work kept</source>
            <translation>Trabajo sin guardar conservado</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>&amp;Restaurar</translation>
        </message>
        <message>
            <source>Restore unsaved work</source>
            <translation>Restaurar el trabajo sin guardar</translation>
        </message>
        <message>
            <source>D&amp;iscard</source>
            <translation>&amp;Descartar</translation>
        </message>
        <message>
            <source>Discard unsaved work</source>
            <translation>Descartar el trabajo sin guardar</translation>
        </message>
        <message>
            <source>{0} you had not saved were kept on {1}.</source>
            <translation>{0} sin guardar: se conservaron el {1}.</translation>
        </message>
    </context>
    <context>
        <name>ErrorLabel</name>
        <message>
            <source>Warning</source>
            <translation>Advertencia</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
    </context>
    <context>
        <name>ExclusionEditor</name>
        <message>
            <source>Exclusion-screen questions</source>
            <translation>Preguntas del filtro de exclusión</translation>
        </message>
        <message>
            <source>&amp;Add question</source>
            <translation>Agregar preg&amp;unta</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>E&amp;ditar</translation>
        </message>
        <message>
            <source>Remo&amp;ve</source>
            <translation>&amp;Quitar</translation>
        </message>
        <message>
            <source>Move d&amp;own</source>
            <translation>Ba&amp;jar</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>&amp;Subir</translation>
        </message>
        <message>
            <source>Keys: Insert adds, F2 edits, Delete removes, Ctrl+Up and Ctrl+Down move.</source>
            <translation>Teclas: Insert agrega, F2 edita, Delete quita, Ctrl+Up y Ctrl+Down mueven.</translation>
        </message>
    </context>
    <context>
        <name>FieldError</name>
        <message>
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
    </context>
    <context>
        <name>FieldErrors</name>
        <message>
            <source>{0}: {1}; {2}</source>
            <translation>{0}: {1}; {2}</translation>
        </message>
    </context>
    <context>
        <name>FirstRunScreen</name>
        <message>
            <source>Welcome to LEAD Desktop</source>
            <extracomment>The demo store's worker and passphrase: synthetic data only, so both are shown openly.</extracomment>
            <translation>Bienvenido a LEAD Desktop</translation>
        </message>
        <message>
            <source>Set up this laptop's encrypted store. You will be its first administrator; add the other workers later in Settings.</source>
            <translation>Configure la base de datos cifrada de esta laptop. Usted será su primer administrador; agregue a los demás trabajadores más tarde en Configuración.</translation>
        </message>
        <message>
            <source>Your login name</source>
            <translation>Su nombre de usuario</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Frase de contraseña</translation>
        </message>
        <message>
            <source>Passphrase again</source>
            <translation>Repita la frase de contraseña</translation>
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation>Solidez de la frase de contraseña</translation>
        </message>
        <message>
            <source>Your &amp;login name:</source>
            <translation>Su &amp;nombre de usuario:</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Frase de contraseña:</translation>
        </message>
        <message>
            <source>Passphrase &amp;again:</source>
            <translation>&amp;Repita la frase:</translation>
        </message>
        <message>
            <source>&amp;Create the store</source>
            <translation>&amp;Crear la base de datos</translation>
        </message>
        <message>
            <source>Create the store</source>
            <translation>Crear la base de datos</translation>
        </message>
        <message>
            <source>Just looking? Try the app with made-up participants first. The demo store is kept apart from real data and every screen and page says DEMO.</source>
            <translation>¿Solo quiere conocerla? Pruebe primero la aplicación con participantes ficticios. La base de datos de demostración se mantiene aparte de los datos reales y cada pantalla y página dice DEMO.</translation>
        </message>
        <message>
            <source>Try it with &amp;demo data</source>
            <translation>Probar con datos de &amp;demostración</translation>
        </message>
        <message>
            <source>Try it with demo data</source>
            <translation>Probar con datos de demostración</translation>
        </message>
        <message>
            <source>At least 15 characters; a few unrelated words work well.</source>
            <translation>Al menos 15 caracteres; unas cuantas palabras sin relación entre sí funcionan bien.</translation>
        </message>
        <message>
            <source>Strength: {0}</source>
            <translation>Solidez: {0}</translation>
        </message>
        <message>
            <source>Login name: it is empty; type the name you will log in with.</source>
            <translation>Nombre de usuario: está vacío; escriba el nombre con el que iniciará sesión.</translation>
        </message>
        <message>
            <source>Passphrase again: it does not match; type it again.</source>
            <translation>Repita la frase: no coincide; vuelva a escribirla.</translation>
        </message>
        <message>
            <source>Making up {0} participants...</source>
            <translation>Creando {0} participantes ficticios...</translation>
        </message>
    </context>
    <context>
        <name>GoalsEditor</name>
        <message>
            <source>Goals and steps</source>
            <extracomment>Tree columns.</extracomment>
            <translation>Metas y pasos</translation>
        </message>
        <message>
            <source>Goals and their steps</source>
            <translation>Metas y sus pasos</translation>
        </message>
        <message>
            <source>Goal or step</source>
            <translation>Meta o paso</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Quién</translation>
        </message>
        <message>
            <source>Target date</source>
            <translation>Fecha límite</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Add &amp;goal</source>
            <translation>Agregar &amp;meta</translation>
        </message>
        <message>
            <source>Add goal</source>
            <translation>Agregar meta</translation>
        </message>
        <message>
            <source>Add st&amp;ep</source>
            <translation>Agregar &amp;paso</translation>
        </message>
        <message>
            <source>Add step to the selected goal</source>
            <translation>Agregar un paso a la meta seleccionada</translation>
        </message>
        <message>
            <source>Adds a step to the selected goal (Insert in the list)</source>
            <translation>Agrega un paso a la meta seleccionada (Insert en la lista)</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>S&amp;ubir</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Subir</translation>
        </message>
        <message>
            <source>Ctrl+Up in the list</source>
            <translation>Ctrl+Up en la lista</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Bajar</translation>
        </message>
        <message>
            <source>Ctrl+Down in the list</source>
            <translation>Ctrl+Down en la lista</translation>
        </message>
        <message>
            <source>Mar&amp;k done</source>
            <translation>Marcar &amp;hecho</translation>
        </message>
        <message>
            <source>Mark done or reopen</source>
            <translation>Marcar como hecho o reabrir</translation>
        </message>
        <message>
            <source>Marks the selected goal or step done; again to reopen</source>
            <translation>Marca como hecho la meta o el paso seleccionado; otra vez para reabrirlo</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>Remove unsaved goal or step</source>
            <translation>Quitar la meta o el paso sin guardar</translation>
        </message>
        <message>
            <source>Only goals and steps not saved yet can be removed; set a saved one to dropped</source>
            <translation>Solo se pueden quitar metas y pasos aún sin guardar; a uno guardado, póngale el estado Descartado</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Deshacer</translation>
        </message>
        <message>
            <source>Undo the last goal or step edit</source>
            <translation>Deshacer el último cambio de meta o paso</translation>
        </message>
        <message>
            <source>Undo the last goal or step edit (Ctrl+Z outside a text field)</source>
            <translation>Deshacer el último cambio de meta o paso (Ctrl+Z fuera de un campo de texto)</translation>
        </message>
        <message>
            <source>Goal domain</source>
            <translation>Área de la meta</translation>
        </message>
        <message>
            <source>Goal</source>
            <translation>Meta</translation>
        </message>
        <message>
            <source>The goal, in the participant's words</source>
            <translation>La meta, en palabras del participante</translation>
        </message>
        <message>
            <source>Barriers</source>
            <translation>Obstáculos</translation>
        </message>
        <message>
            <source>Goal status</source>
            <translation>Estado de la meta</translation>
        </message>
        <message>
            <source>Do&amp;main</source>
            <translation>Á&amp;rea</translation>
        </message>
        <message>
            <source>Domain</source>
            <translation>Área</translation>
        </message>
        <message>
            <source>Goal (&amp;in their words)</source>
            <translation>Meta (&amp;en sus palabras)</translation>
        </message>
        <message>
            <source>&amp;Barriers</source>
            <translation>O&amp;bstáculos</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Paso</translation>
        </message>
        <message>
            <source>What will be done</source>
            <translation>Qué se hará</translation>
        </message>
        <message>
            <source>Who does it</source>
            <translation>Quién lo hace</translation>
        </message>
        <message>
            <source>Partner's name</source>
            <translation>Nombre de la organización asociada</translation>
        </message>
        <message>
            <source>When a partner does it: who</source>
            <translation>Si lo hace una organización asociada: cuál</translation>
        </message>
        <message>
            <source>Step status</source>
            <translation>Estado del paso</translation>
        </message>
        <message>
            <source>Referral made under consent</source>
            <translation>Remisión hecha con consentimiento</translation>
        </message>
        <message>
            <source>Step descr&amp;iption</source>
            <translation>Descr&amp;ipción del paso</translation>
        </message>
        <message>
            <source>&amp;Who does it</source>
            <translation>&amp;Quién lo hace</translation>
        </message>
        <message>
            <source>Partner</source>
            <translation>Organización asociada</translation>
        </message>
        <message>
            <source>Under &amp;consent</source>
            <translation>Consen&amp;timiento</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Consentimiento</translation>
        </message>
        <message>
            <source>No consent named</source>
            <translation>Sin consentimiento indicado</translation>
        </message>
        <message>
            <source>{0} to {1} ({2})</source>
            <translation>{0} a {1} ({2})</translation>
        </message>
        <message>
            <source>nobody yet</source>
            <translation>nadie todavía</translation>
        </message>
        <message>
            <source>(new goal)</source>
            <translation>(meta nueva)</translation>
        </message>
        <message>
            <source>{0}: {1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <source>(new step)</source>
            <translation>(paso nuevo)</translation>
        </message>
        <message>
            <source>No goals yet. Add the first with Add goal (Alt+G).</source>
            <translation>Todavía no hay metas. Agregue la primera con Agregar meta (Alt+M).</translation>
        </message>
        <message>
            <source>Select a goal or step to edit it.</source>
            <translation>Seleccione una meta o un paso para editarlo.</translation>
        </message>
        <message>
            <source>{0}: {1}; {2}</source>
            <translation>{0}: {1}; {2}</translation>
        </message>
    </context>
    <context>
        <name>HistoryTab</name>
        <message>
            <source>Viewed</source>
            <translation>Consultado</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Creado</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>Modificado</translation>
        </message>
        <message>
            <source>Removed</source>
            <translation>Eliminado</translation>
        </message>
        <message>
            <source>Printed</source>
            <translation>Impreso</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>Exportado</translation>
        </message>
        <message>
            <source>Consent event</source>
            <translation>Evento de consentimiento</translation>
        </message>
        <message>
            <source>Safety alert raised</source>
            <translation>Alerta de seguridad emitida</translation>
        </message>
        <message>
            <source>Safety protocol followed</source>
            <translation>Protocolo de seguridad seguido</translation>
        </message>
        <message>
            <source>Caseload limit overridden</source>
            <translation>Límite de casos excedido con autorización</translation>
        </message>
        <message>
            <source>Synchronised</source>
            <translation>Sincronizado</translation>
        </message>
        <message>
            <source>Conflict resolved</source>
            <translation>Conflicto resuelto</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Perfil</translation>
        </message>
        <message>
            <source>Alias or street name</source>
            <translation>Alias o apodo</translation>
        </message>
        <message>
            <source>Referral</source>
            <translation>Remisión</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>Evaluación</translation>
        </message>
        <message>
            <source>Screening</source>
            <translation>Tamizaje</translation>
        </message>
        <message>
            <source>Service plan</source>
            <translation>Plan de servicios</translation>
        </message>
        <message>
            <source>Plan goal</source>
            <translation>Meta del plan</translation>
        </message>
        <message>
            <source>Plan step</source>
            <translation>Paso del plan</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Consentimiento</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contacto</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Documento</translation>
        </message>
        <message>
            <source>Attachment</source>
            <translation>Archivo adjunto</translation>
        </message>
        <message>
            <source>History summary</source>
            <translation>Resumen del historial</translation>
        </message>
        <message>
            <source>History of the record</source>
            <translation>Historial del expediente</translation>
        </message>
        <message>
            <source>Nothing has been recorded about this record yet.</source>
            <translation>Todavía no se ha registrado nada sobre este expediente.</translation>
        </message>
        <message>
            <source>The latest {0} events, newest first.</source>
            <translation>Los últimos {0} eventos, los más recientes primero.</translation>
        </message>
        <message>
            <source>{0} events, newest first.</source>
            <translation>{0} eventos, los más recientes primero.</translation>
        </message>
        <message>
            <source>(unknown worker)</source>
            <translation>(trabajador desconocido)</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Acción</translation>
        </message>
        <message>
            <source>Fields</source>
            <translation>Campos</translation>
        </message>
        <message>
            <source>Part</source>
            <translation>Parte</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Cuándo</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Trabajador</translation>
        </message>
    </context>
    <context>
        <name>IntakePage</name>
        <message>
            <source>Intake date:</source>
            <translation>Fecha de admisión:</translation>
        </message>
        <message>
            <source>Not asked yet</source>
            <translation>Aún no se ha preguntado</translation>
        </message>
        <message>
            <source>&amp;First name:</source>
            <translation>Nom&amp;bre:</translation>
        </message>
        <message>
            <source>&amp;Middle name:</source>
            <translation>Seg&amp;undo nombre:</translation>
        </message>
        <message>
            <source>&amp;Last name:</source>
            <translation>A&amp;pellido:</translation>
        </message>
        <message>
            <source>Suffi&amp;x:</source>
            <translation>Sufi&amp;jo:</translation>
        </message>
        <message>
            <source>Name q&amp;uality:</source>
            <translation>&amp;Calidad del nombre:</translation>
        </message>
        <message>
            <source>From the names given</source>
            <translation>Según los nombres dados</translation>
        </message>
        <message>
            <source>e.g. 1980-03-04 or 3/4/1980</source>
            <translation>p. ej., 1980-03-04 o 3/4/1980</translation>
        </message>
        <message>
            <source>&amp;Date of birth:</source>
            <translation>&amp;Fecha de nacimiento:</translation>
        </message>
        <message>
            <source>Date of birth &amp;quality:</source>
            <translation>Calidad de la fec&amp;ha de nacimiento:</translation>
        </message>
        <message>
            <source>From the date given</source>
            <translation>Según la fecha dada</translation>
        </message>
        <message>
            <source>Last 4 digits are enough</source>
            <translation>Bastan los últimos 4 dígitos</translation>
        </message>
        <message>
            <source>S&amp;SN:</source>
            <translation>SS&amp;N (número de Seguro Social):</translation>
        </message>
        <message>
            <source>SSN qualit&amp;y:</source>
            <translation>Calidad de&amp;l SSN:</translation>
        </message>
        <message>
            <source>From the SSN given</source>
            <translation>Según el SSN dado</translation>
        </message>
        <message>
            <source>S&amp;ex:</source>
            <translation>Se&amp;xo:</translation>
        </message>
        <message>
            <source>&amp;Race and ethnicity:</source>
            <translation>Ra&amp;za y etnia:</translation>
        </message>
        <message>
            <source>Race n&amp;ot given:</source>
            <translation>Raza no in&amp;dicada:</translation>
        </message>
        <message>
            <source>Use the categories above</source>
            <translation>Use las categorías de arriba</translation>
        </message>
        <message>
            <source>&amp;Veteran:</source>
            <translation>&amp;Veterano:</translation>
        </message>
        <message>
            <source>D&amp;isabling condition:</source>
            <translation>Condición &amp;incapacitante:</translation>
        </message>
        <message>
            <source>&amp;Prior living situation:</source>
            <translation>Situación de vivi&amp;enda previa:</translation>
        </message>
        <message>
            <source>Preferred lan&amp;guage:</source>
            <translation>Idi&amp;oma preferido:</translation>
        </message>
        <message>
            <source>In&amp;terpreter needed</source>
            <translation>Necesita in&amp;térprete</translation>
        </message>
        <message>
            <source>Interpreter needed</source>
            <translation>Necesita intérprete</translation>
        </message>
        <message>
            <source>Quick intake</source>
            <translation>Admisión rápida</translation>
        </message>
        <message>
            <source>date of birth not recorded</source>
            <translation>fecha de nacimiento sin registrar</translation>
        </message>
        <message>
            <source>This referral will be added to the record of {0} ({1}). Nothing else in their record changes here; update it from their record afterwards.</source>
            <translation>Esta remisión se agregará al expediente de {0} ({1}). Nada más cambia aquí en su expediente; actualícelo después desde el expediente.</translation>
        </message>
    </context>
    <context>
        <name>LocationPage</name>
        <message>
            <source>&amp;Find a place:</source>
            <translation>&amp;Buscar un lugar:</translation>
        </message>
        <message>
            <source>Find a place</source>
            <translation>Buscar un lugar</translation>
        </message>
        <message>
            <source>Landmark, intersection, or 39.2915, -76.6214</source>
            <translation>Punto de referencia, intersección o 39.2915, -76.6214</translation>
        </message>
        <message>
            <source>Places found</source>
            <translation>Lugares encontrados</translation>
        </message>
        <message>
            <source>&amp;Where exactly:</source>
            <translation>&amp;Dónde exactamente:</translation>
        </message>
        <message>
            <source>Where exactly</source>
            <translation>Dónde exactamente</translation>
        </message>
        <message>
            <source>e.g. north side of the market, by the bus stop</source>
            <translation>p. ej., lado norte del mercado, junto a la parada del autobús</translation>
        </message>
        <message>
            <source>Record as declined: &amp;outside the area</source>
            <translation>Registrar como rechazada: &amp;fuera del área</translation>
        </message>
        <message>
            <source>Record as declined: outside the area</source>
            <translation>Registrar como rechazada: fuera del área</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Ubicación</translation>
        </message>
        <message>
            <source>Near {0}</source>
            <translation>Cerca de {0}</translation>
        </message>
        <message>
            <source>Type a landmark, an intersection or coordinates, or click the map.</source>
            <translation>Escriba un punto de referencia, una intersección o coordenadas, o haga clic en el mapa.</translation>
        </message>
        <message>
            <source>inside</source>
            <translation>dentro</translation>
        </message>
        <message>
            <source>outside</source>
            <translation>fuera</translation>
        </message>
        <message>
            <source>No place found. Try a landmark or an intersection, or click the map.</source>
            <translation>No se encontró ningún lugar. Pruebe con un punto de referencia o una intersección, o haga clic en el mapa.</translation>
        </message>
        <message>
            <source>Latitude, longitude: {0}</source>
            <translation>Latitud, longitud: {0}</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>LEAD Desktop</source>
            <translation>LEAD Desktop</translation>
        </message>
        <message>
            <source>{0} — DEMO (made-up people)</source>
            <translation>{0} — DEMO (personas ficticias)</translation>
        </message>
        <message>
            <source>Lock state</source>
            <translation>Estado de bloqueo</translation>
        </message>
        <message>
            <source>Activity</source>
            <translation>Actividad</translation>
        </message>
        <message>
            <source>DEMO: made-up people, not for real work</source>
            <translation>DEMO: personas ficticias, no para trabajo real</translation>
        </message>
        <message>
            <source>Demo store</source>
            <translation>Base de datos de demostración</translation>
        </message>
        <message>
            <source>&amp;Work</source>
            <translation>&amp;Trabajo</translation>
        </message>
        <message>
            <source>&amp;New referral</source>
            <translation>&amp;Nueva remisión</translation>
        </message>
        <message>
            <source>&amp;Find a participant</source>
            <translation>&amp;Buscar un participante</translation>
        </message>
        <message>
            <source>&amp;Caseload</source>
            <translation>&amp;Casos</translation>
        </message>
        <message>
            <source>Close &amp;tab</source>
            <translation>Cerrar pes&amp;taña</translation>
        </message>
        <message>
            <source>&amp;Settings...</source>
            <translation>C&amp;onfiguración...</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>B&amp;loquear</translation>
        </message>
        <message>
            <source>S&amp;ync now</source>
            <translation>Sincroni&amp;zar ahora</translation>
        </message>
        <message>
            <source>Set &amp;up sync...</source>
            <translation>Config&amp;urar la sincronización...</translation>
        </message>
        <message>
            <source>S&amp;witch worker</source>
            <translation>Cambiar de t&amp;rabajador</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>Main actions</source>
            <translation>Acciones principales</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>Bloqueado</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Reanudar</translation>
        </message>
        <message>
            <source>Resume unfinished work</source>
            <translation>Reanudar el trabajo pendiente</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Ahora no</translation>
        </message>
        <message>
            <source>Keep the unfinished work for later</source>
            <translation>Guardar el trabajo pendiente para más tarde</translation>
        </message>
        <message>
            <source>Open work</source>
            <translation>Trabajo abierto</translation>
        </message>
        <message>
            <source>Caseload</source>
            <translation>Casos</translation>
        </message>
        <message>
            <source>Unlocked: {0} ({1}). Ctrl+L locks.</source>
            <translation>Desbloqueado: {0} ({1}). Ctrl+L bloquea.</translation>
        </message>
        <message>
            <source>Locked. Your work is saved.</source>
            <translation>Bloqueado. Su trabajo está guardado.</translation>
        </message>
        <message>
            <source>Locked after a quiet spell. Your work is saved; unlock to go on.</source>
            <translation>Bloqueado tras un rato de inactividad. Su trabajo está guardado; desbloquee para continuar.</translation>
        </message>
        <message>
            <source>Locked while the laptop slept. Your work is saved.</source>
            <translation>Bloqueado mientras la laptop estaba en suspensión. Su trabajo está guardado.</translation>
        </message>
        <message>
            <source>Choose the worker and type their passphrase.</source>
            <translation>Elija el trabajador y escriba su frase de contraseña.</translation>
        </message>
        <message>
            <source>Participant</source>
            <translation>Participante</translation>
        </message>
        <message>
            <source>New referral</source>
            <translation>Nueva remisión</translation>
        </message>
        <message>
            <source>You have unfinished work from {0} UTC. Resume where you left off?</source>
            <translation>Tiene trabajo pendiente del {0} UTC. ¿Desea continuar donde lo dejó?</translation>
        </message>
        <message>
            <source>Working...</source>
            <translation>Trabajando...</translation>
        </message>
    </context>
    <context>
        <name>OptionalCount</name>
        <message>
            <source>Not recorded</source>
            <translation>Sin registrar</translation>
        </message>
    </context>
    <context>
        <name>PassphraseRows</name>
        <message>
            <source>New &amp;passphrase:</source>
            <translation>Nueva frase de &amp;contraseña:</translation>
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation>Re&amp;pítala:</translation>
        </message>
        <message>
            <source>At least 15 characters: a short sentence works well.</source>
            <translation>Al menos 15 caracteres: una oración corta funciona bien.</translation>
        </message>
        <message>
            <source>Strength: {0}</source>
            <translation>Solidez: {0}</translation>
        </message>
        <message>
            <source>Repeat: the two passphrases differ; type the same one twice.</source>
            <translation>Repítala: las dos frases de contraseña no coinciden; escriba la misma dos veces.</translation>
        </message>
        <message>
            <source>Passphrase {0}; {1}.</source>
            <translation>Frase de contraseña {0}; {1}.</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <source>Sync: server password</source>
            <extracomment>Runs ``fn()`` off the GUI thread and reports back on it: ``run(fn, on_success, on_failure)``.</extracomment>
            <translation>Sincronización: contraseña del servidor</translation>
        </message>
        <message>
            <source>Server password for sync</source>
            <translation>Contraseña del servidor para sincronizar</translation>
        </message>
        <message>
            <source>To sync with {0}, type the server password of {1}. You type it only this once: the laptop then keeps a sync key in its encrypted store.</source>
            <translation>Para sincronizar con {0}, escriba la contraseña del servidor de {1}. Solo la escribe esta vez: después la laptop guarda una clave de sincronización en su almacén cifrado.</translation>
        </message>
        <message>
            <source>Server password</source>
            <translation>Contraseña del servidor</translation>
        </message>
        <message>
            <source>&amp;Sync</source>
            <translation>&amp;Sincronizar</translation>
        </message>
        <message>
            <source>Sync with this password</source>
            <translation>Sincronizar con esta contraseña</translation>
        </message>
        <message>
            <source>Do not sync now</source>
            <translation>No sincronizar ahora</translation>
        </message>
        <message>
            <source>Server &amp;password:</source>
            <translation>&amp;Contraseña del servidor:</translation>
        </message>
    </context>
    <context>
        <name>PersonPage</name>
        <message>
            <source>&amp;First name:</source>
            <translation>&amp;Nombre:</translation>
        </message>
        <message>
            <source>&amp;Last name:</source>
            <translation>A&amp;pellido:</translation>
        </message>
        <message>
            <source>e.g. 1980-03-04 or 3/4/1980</source>
            <translation>p. ej., 1980-03-04 o 3/4/1980</translation>
        </message>
        <message>
            <source>&amp;Date of birth:</source>
            <translation>&amp;Fecha de nacimiento:</translation>
        </message>
        <message>
            <source>Kind of other name</source>
            <translation>Tipo del otro nombre</translation>
        </message>
        <message>
            <source>Other name or s&amp;treet name:</source>
            <translation>&amp;Otro nombre o apodo:</translation>
        </message>
        <message>
            <source>Other name or street name</source>
            <translation>Otro nombre o apodo</translation>
        </message>
        <message>
            <source>&amp;Look for this person</source>
            <translation>&amp;Buscar a esta persona</translation>
        </message>
        <message>
            <source>Look for this person</source>
            <translation>Buscar a esta persona</translation>
        </message>
        <message>
            <source>People who may be the same person</source>
            <translation>Personas que pueden ser la misma</translation>
        </message>
        <message>
            <source>This is the &amp;same person</source>
            <translation>Es la &amp;misma persona</translation>
        </message>
        <message>
            <source>This is the same person</source>
            <translation>Es la misma persona</translation>
        </message>
        <message>
            <source>N&amp;one of these: new person</source>
            <translation>Ninguna de es&amp;tas: persona nueva</translation>
        </message>
        <message>
            <source>None of these: new person</source>
            <translation>Ninguna de estas: persona nueva</translation>
        </message>
        <message>
            <source>Type the name and date of birth, then choose “Look for this person”.</source>
            <translation>Escriba el nombre y la fecha de nacimiento, y luego elija “Buscar a esta persona”.</translation>
        </message>
        <message>
            <source>Have we met this person?</source>
            <translation>¿Ya conocemos a esta persona?</translation>
        </message>
        <message>
            <source>Not a date. Type it like 1980-03-04 or 3/4/1980.</source>
            <translation>No es una fecha. Escríbala como 1980-03-04 o 3/4/1980.</translation>
        </message>
        <message>
            <source>Looking…</source>
            <translation>Buscando…</translation>
        </message>
        <message>
            <source>The details changed since the last look-up: look again.</source>
            <translation>Los datos cambiaron desde la última búsqueda: vuelva a buscar.</translation>
        </message>
        <message>
            <source>{0} possible matches. Check with the person, then pick the same person or “None of these”.</source>
            <translation>{0} posibles coincidencias. Confírmelo con la persona y luego elija la misma persona o “Ninguna de estas”.</translation>
        </message>
        <message>
            <source>No one in the store matches. Choose “None of these: new person”.</source>
            <translation>Nadie en la base de datos coincide. Elija “Ninguna de estas: persona nueva”.</translation>
        </message>
        <message>
            <source>date of birth not recorded</source>
            <translation>fecha de nacimiento sin registrar</translation>
        </message>
        <message>
            <source>Chosen: {0} ({1}), already a participant.</source>
            <translation>Elegida: {0} ({1}), ya es participante.</translation>
        </message>
        <message>
            <source>Chosen: a new person.</source>
            <translation>Elegida: una persona nueva.</translation>
        </message>
        <message>
            <source>Nobody chosen yet.</source>
            <translation>Todavía no se eligió a nadie.</translation>
        </message>
    </context>
    <context>
        <name>PlanPage</name>
        <message>
            <source>What matters most to the person right now</source>
            <translation>Lo que más le importa a la persona ahora</translation>
        </message>
        <message>
            <source>&amp;Priorities:</source>
            <translation>Priori&amp;dades:</translation>
        </message>
        <message>
            <source>Goal {0}</source>
            <translation>Meta {0}</translation>
        </message>
        <message>
            <source>Goal {0} (optional)</source>
            <translation>Meta {0} (opcional)</translation>
        </message>
        <message>
            <source>First plan steps</source>
            <translation>Primeros pasos del plan</translation>
        </message>
    </context>
    <context>
        <name>PlanTab</name>
        <message>
            <source>No service plan yet. A plan holds the participant's priorities in their own words, their immediate needs and safety, and goals with steps: who does what by when. Start one with New plan (Alt+W); nothing is stored until you save.</source>
            <extracomment>Stages of change (transtheoretical model), stored as codes in ``stage_of_change``. Immediate needs and safety, stored as booleans in ``immediate_needs`` (plus a ``note``).</extracomment>
            <translation>Todavía no hay plan de servicios. Un plan reúne las prioridades del participante en sus propias palabras, sus necesidades inmediatas y su seguridad, y metas con pasos: quién hace qué y para cuándo. Empiece uno con Nuevo plan (Alt+N); no se guarda nada hasta que usted lo guarde.</translation>
        </message>
        <message>
            <source>No service plan yet</source>
            <translation>Todavía no hay plan de servicios</translation>
        </message>
        <message>
            <source>Ne&amp;w plan</source>
            <translation>&amp;Nuevo plan</translation>
        </message>
        <message>
            <source>New plan</source>
            <translation>Nuevo plan</translation>
        </message>
        <message>
            <source>Plan version</source>
            <translation>Versión del plan</translation>
        </message>
        <message>
            <source>&amp;Save plan</source>
            <translation>&amp;Guardar plan</translation>
        </message>
        <message>
            <source>Save plan</source>
            <translation>Guardar plan</translation>
        </message>
        <message>
            <source>Save the plan (Ctrl+S)</source>
            <translation>Guardar el plan (Ctrl+S)</translation>
        </message>
        <message>
            <source>Discard edits</source>
            <translation>Descartar cambios</translation>
        </message>
        <message>
            <source>Discard unsaved edits</source>
            <translation>Descartar los cambios sin guardar</translation>
        </message>
        <message>
            <source>Preview / print plan</source>
            <translation>Vista previa / imprimir plan</translation>
        </message>
        <message>
            <source>Preview and print the plan</source>
            <translation>Ver e imprimir el plan</translation>
        </message>
        <message>
            <source>Plan status message</source>
            <translation>Mensaje del estado del plan</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>Plan date</source>
            <translation>Fecha del plan</translation>
        </message>
        <message>
            <source>Review date</source>
            <translation>Fecha de revisión</translation>
        </message>
        <message>
            <source>Plan status</source>
            <translation>Estado del plan</translation>
        </message>
        <message>
            <source>Stage of change</source>
            <translation>Etapa de cambio</translation>
        </message>
        <message>
            <source>Not assessed</source>
            <translation>Sin evaluar</translation>
        </message>
        <message>
            <source>Re&amp;view date</source>
            <translation>Fecha de re&amp;visión</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Stage o&amp;f change</source>
            <translation>Etapa de &amp;cambio</translation>
        </message>
        <message>
            <source>Case manager</source>
            <translation>Administrador de casos</translation>
        </message>
        <message>
            <source>The participant's priorities, in their own words</source>
            <translation>Las prioridades del participante, en sus propias palabras</translation>
        </message>
        <message>
            <source>What matters most to them right now, as they say it</source>
            <translation>Lo que más le importa ahora, tal como lo dice</translation>
        </message>
        <message>
            <source>Pri&amp;orities (their words)</source>
            <translation>Pri&amp;oridades (en sus palabras)</translation>
        </message>
        <message>
            <source>Immediate needs and safety</source>
            <translation>Necesidades inmediatas y seguridad</translation>
        </message>
        <message>
            <source>Shelter tonight</source>
            <translation>Albergue esta noche</translation>
        </message>
        <message>
            <source>Food</source>
            <translation>Comida</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Teléfono</translation>
        </message>
        <message>
            <source>ID documents</source>
            <translation>Documentos de identidad</translation>
        </message>
        <message>
            <source>Naloxone</source>
            <translation>Naloxona</translation>
        </message>
        <message>
            <source>e.g. bed held at the shelter until 8 pm</source>
            <translation>p. ej., cama reservada en el albergue hasta las 8 p. m.</translation>
        </message>
        <message>
            <source>Note on needs and safet&amp;y</source>
            <translation>Nota sobre necesidades &amp;y seguridad</translation>
        </message>
        <message>
            <source>Legal coordination</source>
            <translation>Coordinación legal</translation>
        </message>
        <message>
            <source>Diverted case, other open cases, court dates; what was shared with whom and under which consent</source>
            <translation>Caso desviado, otros casos abiertos, fechas de corte; qué se compartió, con quién y con qué consentimiento</translation>
        </message>
        <message>
            <source>Reviews and versions</source>
            <translation>Revisiones y versiones</translation>
        </message>
        <message>
            <source>Plan review history</source>
            <translation>Historial de revisiones del plan</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Cuándo</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versión</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Qué</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Por</translation>
        </message>
        <message>
            <source>Review done: start the next version</source>
            <translation>Revisión hecha: empezar la siguiente versión</translation>
        </message>
        <message>
            <source>Marks this version reviewed and starts a new draft version with the same goals and steps; earlier versions are kept.</source>
            <translation>Marca esta versión como revisada y empieza una nueva versión en borrador con las mismas metas y pasos; las versiones anteriores se conservan.</translation>
        </message>
        <message>
            <source>This plan was changed elsewhere after you started editing. Your edits are kept; saving writes them over the changed fields.</source>
            <translation>Este plan se modificó en otro lugar después de que usted empezó a editarlo. Sus cambios se conservan; al guardar, reemplazan los campos modificados.</translation>
        </message>
        <message>
            <source>Version started ({0})</source>
            <translation>Versión iniciada ({0})</translation>
        </message>
        <message>
            <source>Status: {0} → {1}</source>
            <translation>Estado: {0} → {1}</translation>
        </message>
        <message>
            <source>Review date: {0} → {1}</source>
            <translation>Fecha de revisión: {0} → {1}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguna</translation>
        </message>
        <message>
            <source>Not saved yet: no versions or reviews.</source>
            <translation>Aún sin guardar: no hay versiones ni revisiones.</translation>
        </message>
        <message>
            <source>New service plan (not saved yet)</source>
            <translation>Nuevo plan de servicios (aún sin guardar)</translation>
        </message>
        <message>
            <source>Service plan, version {0}</source>
            <translation>Plan de servicios, versión {0}</translation>
        </message>
        <message>
            <source>{0} (unsaved edits)</source>
            <translation>{0} (cambios sin guardar)</translation>
        </message>
        <message>
            <source>Preview the saved plan, then print it or save it as PDF (Ctrl+P)</source>
            <translation>Ver el plan guardado y luego imprimirlo o guardarlo como PDF (Ctrl+P)</translation>
        </message>
        <message>
            <source>Save the plan first: the printed plan is the saved one</source>
            <translation>Primero guarde el plan: se imprime el plan guardado</translation>
        </message>
        <message>
            <source>Nothing was saved: 1 problem, shown beside its field.</source>
            <translation>No se guardó nada: 1 problema, indicado junto a su campo.</translation>
        </message>
        <message>
            <source>Nothing was saved: {0} problems, each shown beside its field.</source>
            <translation>No se guardó nada: {0} problemas, cada uno indicado junto a su campo.</translation>
        </message>
        <message>
            <source>Goals and steps with a problem are marked in the list.</source>
            <translation>Las metas y los pasos con algún problema están marcados en la lista.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Guardando…</translation>
        </message>
        <message>
            <source>Plan saved.</source>
            <translation>Plan guardado.</translation>
        </message>
        <message>
            <source>Nothing was saved.</source>
            <translation>No se guardó nada.</translation>
        </message>
        <message>
            <source>Unsaved edits discarded.</source>
            <translation>Se descartaron los cambios sin guardar.</translation>
        </message>
        <message>
            <source>Unsaved edits were restored. Save them, or discard them.</source>
            <translation>Se restauraron cambios sin guardar. Guárdelos o descártelos.</translation>
        </message>
    </context>
    <context>
        <name>ProfileTab</name>
        <message>
            <source>First name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Middle name</source>
            <translation>Segundo nombre</translation>
        </message>
        <message>
            <source>Last name</source>
            <translation>Apellido</translation>
        </message>
        <message>
            <source>Suffix</source>
            <translation>Sufijo</translation>
        </message>
        <message>
            <source>Name quality</source>
            <translation>Calidad del nombre</translation>
        </message>
        <message>
            <source>SSN</source>
            <translation>SSN (número de Seguro Social)</translation>
        </message>
        <message>
            <source>SSN quality</source>
            <translation>Calidad del SSN</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Fecha de nacimiento</translation>
        </message>
        <message>
            <source>Date of birth quality</source>
            <translation>Calidad de la fecha de nacimiento</translation>
        </message>
        <message>
            <source>Race and ethnicity</source>
            <translation>Raza y etnia</translation>
        </message>
        <message>
            <source>If none given</source>
            <translation>Si no se indicó ninguna</translation>
        </message>
        <message>
            <source>Race and ethnicity detail</source>
            <translation>Detalle de raza y etnia</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Sexo</translation>
        </message>
        <message>
            <source>Gender identity</source>
            <translation>Identidad de género</translation>
        </message>
        <message>
            <source>Veteran</source>
            <translation>Veterano</translation>
        </message>
        <message>
            <source>Disabling condition</source>
            <translation>Condición incapacitante</translation>
        </message>
        <message>
            <source>Preferred language</source>
            <translation>Idioma preferido</translation>
        </message>
        <message>
            <source>Interpreter needed</source>
            <translation>Necesita intérprete</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Case manager</source>
            <translation>Administrador de casos</translation>
        </message>
        <message>
            <source>Intake date</source>
            <translation>Fecha de admisión</translation>
        </message>
        <message>
            <source>Project start date</source>
            <translation>Fecha de inicio en el proyecto</translation>
        </message>
        <message>
            <source>Date of engagement</source>
            <translation>Fecha de vinculación</translation>
        </message>
        <message>
            <source>Prior living situation</source>
            <translation>Situación de vivienda previa</translation>
        </message>
        <message>
            <source>Length of stay there (days)</source>
            <translation>Tiempo de estancia allí (días)</translation>
        </message>
        <message>
            <source>Times homeless, past 3 years</source>
            <translation>Veces sin hogar, últimos 3 años</translation>
        </message>
        <message>
            <source>Months homeless, past 3 years</source>
            <translation>Meses sin hogar, últimos 3 años</translation>
        </message>
        <message>
            <source>Current living situation</source>
            <translation>Situación de vivienda actual</translation>
        </message>
        <message>
            <source>Participant name</source>
            <translation>Nombre del participante</translation>
        </message>
        <message>
            <source>Save state</source>
            <translation>Estado del guardado</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <source>Save the profile (Ctrl+S)</source>
            <translation>Guardar el perfil (Ctrl+S)</translation>
        </message>
        <message>
            <source>&amp;Undo last save</source>
            <translation>Deshacer último g&amp;uardado</translation>
        </message>
        <message>
            <source>Put back the values before the last save</source>
            <translation>Volver a los valores anteriores al último guardado</translation>
        </message>
        <message>
            <source>Discard c&amp;hanges</source>
            <translation>Descartar &amp;cambios</translation>
        </message>
        <message>
            <source>Forget the changes not yet saved</source>
            <translation>Olvidar los cambios aún sin guardar</translation>
        </message>
        <message>
            <source>Profile changes</source>
            <translation>Cambios del perfil</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>&amp;First name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <source>&amp;Last name</source>
            <translation>&amp;Apellido</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>Identidad</translation>
        </message>
        <message>
            <source>9 digits, or the last 4</source>
            <translation>9 dígitos, o los últimos 4</translation>
        </message>
        <message>
            <source>Sho&amp;w</source>
            <translation>M&amp;ostrar</translation>
        </message>
        <message>
            <source>Show the full SSN</source>
            <translation>Mostrar el SSN completo</translation>
        </message>
        <message>
            <source>SS&amp;N</source>
            <translation>&amp;SSN (número de Seguro Social)</translation>
        </message>
        <message>
            <source>Date of &amp;birth</source>
            <translation>&amp;Fecha de nacimiento</translation>
        </message>
        <message>
            <source>DOB &amp;quality</source>
            <translation>Calidad de la fec&amp;ha de nacimiento</translation>
        </message>
        <message>
            <source>Race and ethnicity (choose all that apply)</source>
            <translation>Raza y etnia (marque todas las que correspondan)</translation>
        </message>
        <message>
            <source>(categories given)</source>
            <translation>(se indicaron categorías)</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Detalle</translation>
        </message>
        <message>
            <source>About the person</source>
            <translation>Sobre la persona</translation>
        </message>
        <message>
            <source>(not recorded)</source>
            <translation>(sin registrar)</translation>
        </message>
        <message>
            <source>Se&amp;x</source>
            <translation>Se&amp;xo</translation>
        </message>
        <message>
            <source>&amp;Veteran</source>
            <translation>&amp;Veterano</translation>
        </message>
        <message>
            <source>Preferred lan&amp;guage</source>
            <translation>&amp;Idioma preferido</translation>
        </message>
        <message>
            <source>In the program</source>
            <translation>En el programa</translation>
        </message>
        <message>
            <source>S&amp;tatus</source>
            <translation>Es&amp;tado</translation>
        </message>
        <message>
            <source>&amp;Case manager</source>
            <translation>Ad&amp;ministrador de casos</translation>
        </message>
        <message>
            <source>Assign anyway (supervisor override)</source>
            <translation>Asignar de todos modos (autorización de supervisor)</translation>
        </message>
        <message>
            <source>Living situation</source>
            <translation>Situación de vivienda</translation>
        </message>
        <message>
            <source>&amp;Prior living situation</source>
            <translation>Situación de vivienda &amp;previa</translation>
        </message>
        <message>
            <source>(not assigned)</source>
            <translation>(sin asignar)</translation>
        </message>
        <message>
            <source>Changes not saved yet</source>
            <translation>Cambios aún sin guardar</translation>
        </message>
        <message>
            <source>Changed elsewhere meanwhile; saving keeps your version</source>
            <translation>Se modificó en otro lugar mientras tanto; al guardar se conserva su versión</translation>
        </message>
        <message>
            <source>tick 'Assign anyway' to override, or pick another case manager</source>
            <translation>marque 'Asignar de todos modos' para autorizarlo, o elija otro administrador de casos</translation>
        </message>
        <message>
            <source>ask a supervisor to assign this person, or pick another case manager</source>
            <translation>pida a un supervisor que asigne a esta persona, o elija otro administrador de casos</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Guardado</translation>
        </message>
        <message>
            <source>Nothing had changed</source>
            <translation>No había cambios</translation>
        </message>
        <message>
            <source>Not saved: see the problems shown</source>
            <translation>No se guardó: vea los problemas indicados</translation>
        </message>
        <message>
            <source>Last save undone</source>
            <translation>Se deshizo el último guardado</translation>
        </message>
        <message>
            <source>Changes discarded</source>
            <translation>Cambios descartados</translation>
        </message>
        <message>
            <source>Hidden but for the last 4 digits; press Show to see it</source>
            <translation>Oculto salvo los últimos 4 dígitos; presione Mostrar para verlo</translation>
        </message>
        <message>
            <source>Hid&amp;e</source>
            <translation>&amp;Ocultar</translation>
        </message>
        <message>
            <source>Over the caseload limit: {0}. {1}.</source>
            <translation>Por encima del límite de casos: {0}. {1}.</translation>
        </message>
        <message>
            <source>case_manager_id</source>
            <translation>Administrador de casos</translation>
        </message>
        <message>
            <source>dob</source>
            <translation>Fecha de nacimiento</translation>
        </message>
        <message>
            <source>race</source>
            <translation>Raza y origen étnico</translation>
        </message>
    </context>
    <context>
        <name>ProgramPage</name>
        <message>
            <source>Program details (printed on documents)</source>
            <translation>Datos del programa (se imprimen en los documentos)</translation>
        </message>
        <message>
            <source>Program &amp;name:</source>
            <translation>&amp;Nombre del programa:</translation>
        </message>
        <message>
            <source>Only an administrator can change the program's settings. They are shown here so you know what applies.</source>
            <translation>Solo un administrador puede cambiar los ajustes del programa. Se muestran aquí para que sepa cuáles se aplican.</translation>
        </message>
        <message>
            <source>A&amp;ddress:</source>
            <translation>Direcc&amp;ión:</translation>
        </message>
        <message>
            <source>P&amp;hone:</source>
            <translation>Teléfon&amp;o:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Rules</source>
            <translation>Reglas</translation>
        </message>
        <message>
            <source>&amp;Lock after idle:</source>
            <translation>&amp;Bloquear tras inactividad:</translation>
        </message>
        <message>
            <source>&amp;Intake due within (days):</source>
            <translation>Plazo de &amp;admisión (días):</translation>
        </message>
        <message>
            <source>Program &amp;capacity:</source>
            <translation>Capacidad del p&amp;rograma:</translation>
        </message>
        <message>
            <source>Most per case &amp;manager:</source>
            <translation>&amp;Máximo por administrador de casos:</translation>
        </message>
        <message>
            <source>Exclusion screen</source>
            <translation>Filtro de exclusión</translation>
        </message>
        <message>
            <source>Exclusion screen (asked at each referral)</source>
            <translation>Filtro de exclusión (se pregunta en cada remisión)</translation>
        </message>
        <message>
            <source>Coverage area (referrals must start inside it)</source>
            <translation>Área de cobertura (las remisiones deben originarse dentro de ella)</translation>
        </message>
        <message>
            <source>Reading the coverage area…</source>
            <translation>Leyendo el área de cobertura…</translation>
        </message>
        <message>
            <source>Coverage area</source>
            <translation>Área de cobertura</translation>
        </message>
        <message>
            <source>Import &amp;GeoJSON file…</source>
            <translation>Importar arc&amp;hivo GeoJSON…</translation>
        </message>
        <message>
            <source>Import a coverage area from a GeoJSON file</source>
            <translation>Importar un área de cobertura desde un archivo GeoJSON</translation>
        </message>
        <message>
            <source>{0} corners</source>
            <translation>{0} vértices</translation>
        </message>
        <message>
            <source>{0} parts</source>
            <translation>{0} partes</translation>
        </message>
        <message>
            <source>Loaded “{0}” ({1}). Press Save to use it.</source>
            <translation>Se cargó “{0}” ({1}). Presione Guardar para usarla.</translation>
        </message>
        <message>
            <source>In use: “{0}” ({1}), the area that comes with LEAD Desktop.</source>
            <translation>En uso: “{0}” ({1}), el área que viene con LEAD Desktop.</translation>
        </message>
        <message>
            <source>In use: “{0}” ({1}).</source>
            <translation>En uso: “{0}” ({1}).</translation>
        </message>
        <message>
            <source>Import coverage area</source>
            <translation>Importar área de cobertura</translation>
        </message>
        <message>
            <source>GeoJSON files (*.geojson *.json)</source>
            <translation>Archivos GeoJSON (*.geojson *.json)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Reading {0}…</source>
            <translation>Leyendo {0}…</translation>
        </message>
        <message>
            <source>The file was not loaded; the coverage area in use is unchanged.</source>
            <translation>No se cargó el archivo; el área de cobertura en uso no cambió.</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Something went wrong and nothing was saved. Try again; if it keeps happening, run 'lead-desktop self-test' and tell your program's IT contact.</source>
            <translation>Algo salió mal y no se guardó nada. Vuelva a intentarlo; si sigue ocurriendo, ejecute 'lead-desktop self-test' y avise al contacto de informática de su programa.</translation>
        </message>
        <message>
            <source>LEAD Desktop</source>
            <translation>LEAD Desktop</translation>
        </message>
        <message>
            <source>Error message</source>
            <translation>Mensaje de error</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Imprimir</translation>
        </message>
        <message>
            <source>Save an unencrypted copy?</source>
            <translation>¿Guardar una copia sin cifrar?</translation>
        </message>
        <message>
            <source>The PDF file will not be encrypted and holds personal data.</source>
            <translation>El archivo PDF no estará cifrado y contiene datos personales.</translation>
        </message>
        <message>
            <source>Anyone who can open the file can read it. Save it only where your program allows, print it, then delete it. Printing directly keeps nothing on this computer.</source>
            <translation>Cualquiera que pueda abrir el archivo podrá leerlo. Guárdelo solo donde su programa lo permita, imprímalo y luego elimínelo. Si imprime directamente, no queda nada en esta computadora.</translation>
        </message>
        <message>
            <source>Warning: the saved file is not encrypted</source>
            <translation>Advertencia: el archivo guardado no está cifrado</translation>
        </message>
        <message>
            <source>&amp;Save unencrypted copy</source>
            <translation>&amp;Guardar copia sin cifrar</translation>
        </message>
        <message>
            <source>Save an unencrypted copy</source>
            <translation>Guardar una copia sin cifrar</translation>
        </message>
        <message>
            <source>Save the document as PDF</source>
            <translation>Guardar el documento como PDF</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Documentos PDF (*.pdf)</translation>
        </message>
        <message>
            <source>The document could not be shown ({0}).</source>
            <extracomment>Pages are rendered at the printer's resolution, but never finer than this (memory: a letter page at 300 dpi is about 34 MB as an image; at 1200 dpi it would be 540 MB).</extracomment>
            <translation>No se pudo mostrar el documento ({0}).</translation>
        </message>
        <message>
            <source>The printer could not be started. Check that it is on and try again.</source>
            <translation>No se pudo iniciar la impresora. Verifique que esté encendida y vuelva a intentarlo.</translation>
        </message>
    </context>
    <context>
        <name>RecordView</name>
        <message>
            <source>Participant</source>
            <extracomment>Drafts that belong to a tab of the record (their ref_id is the participant id).</extracomment>
            <translation>Participante</translation>
        </message>
        <message>
            <source>Parts of the record</source>
            <translation>Partes del expediente</translation>
        </message>
        <message>
            <source>&amp;Profile</source>
            <translation>&amp;Perfil</translation>
        </message>
        <message>
            <source>&amp;Referrals</source>
            <translation>&amp;Remisiones</translation>
        </message>
        <message>
            <source>&amp;Assessments</source>
            <translation>&amp;Evaluaciones</translation>
        </message>
        <message>
            <source>Service p&amp;lan</source>
            <translation>P&amp;lan de servicios</translation>
        </message>
        <message>
            <source>Co&amp;nsents</source>
            <translation>Co&amp;nsentimientos</translation>
        </message>
        <message>
            <source>Con&amp;tacts</source>
            <translation>Con&amp;tactos</translation>
        </message>
        <message>
            <source>&amp;Documents</source>
            <translation>&amp;Documentos</translation>
        </message>
        <message>
            <source>&amp;History</source>
            <translation>&amp;Historial</translation>
        </message>
        <message>
            <source>born {0}</source>
            <translation>nacido(a) el {0}</translation>
        </message>
    </context>
    <context>
        <name>RecoveryResetDialog</name>
        <message>
            <source>Reset a passphrase through recovery</source>
            <translation>Restablecer una frase de contraseña mediante recuperación</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>E&amp;xaminar…</translation>
        </message>
        <message>
            <source>Choose the recovery private key file</source>
            <translation>Elegir el archivo de clave privada de recuperación</translation>
        </message>
        <message>
            <source>&amp;Worker:</source>
            <translation>&amp;Trabajador:</translation>
        </message>
        <message>
            <source>Recovery &amp;key file:</source>
            <translation>Archivo de cla&amp;ve de recuperación:</translation>
        </message>
        <message>
            <source>Key file pass&amp;phrase:</source>
            <translation>&amp;Frase de contraseña del archivo de clave:</translation>
        </message>
        <message>
            <source>Use this when a worker has forgotten their passphrase. You need the program's recovery private key file (kept offline by the program administrator) and its passphrase. The worker's old passphrase stops working; the reset is audited.</source>
            <translation>Use esto cuando un trabajador haya olvidado su frase de contraseña. Necesita el archivo de clave privada de recuperación del programa (que el administrador del programa guarda sin conexión) y su frase de contraseña. La frase anterior del trabajador deja de funcionar; el restablecimiento queda auditado.</translation>
        </message>
        <message>
            <source>&amp;Set new passphrase</source>
            <translation>&amp;Establecer nueva frase de contraseña</translation>
        </message>
        <message>
            <source>Recovery private key file</source>
            <translation>Archivo de clave privada de recuperación</translation>
        </message>
        <message>
            <source>Key files (*.pem)</source>
            <translation>Archivos de clave (*.pem)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Recovery key file: none chosen; choose the recovery private key file.</source>
            <translation>Archivo de clave de recuperación: no se eligió ninguno; elija el archivo de clave privada de recuperación.</translation>
        </message>
        <message>
            <source>Resetting the passphrase of {0}…</source>
            <translation>Restableciendo la frase de contraseña de {0}…</translation>
        </message>
        <message>
            <source>Recovery key file: {0}.</source>
            <translation>Archivo de clave de recuperación: {0}.</translation>
        </message>
        <message>
            <source>Worker: {0}.</source>
            <translation>Trabajador: {0}.</translation>
        </message>
    </context>
    <context>
        <name>ReferralTypePage</name>
        <message>
            <source>Choose…</source>
            <extracomment>Suggestions only: the field takes any district name, since sites differ.</extracomment>
            <translation>Elija…</translation>
        </message>
        <message>
            <source>Referral &amp;type:</source>
            <translation>&amp;Tipo de remisión:</translation>
        </message>
        <message>
            <source>&amp;Referred at:</source>
            <translation>&amp;Fecha de remisión:</translation>
        </message>
        <message>
            <source>&amp;Hand-off done at</source>
            <translation>&amp;Entrega hecha el</translation>
        </message>
        <message>
            <source>Hand-off done</source>
            <translation>Entrega hecha</translation>
        </message>
        <message>
            <source>Hand-off time</source>
            <translation>Hora de la entrega</translation>
        </message>
        <message>
            <source>Hand-off:</source>
            <translation>Entrega:</translation>
        </message>
        <message>
            <source>&amp;Officer's name:</source>
            <translation>&amp;Nombre del agente:</translation>
        </message>
        <message>
            <source>Officer's &amp;ID or badge:</source>
            <translation>&amp;ID o placa del agente:</translation>
        </message>
        <message>
            <source>&amp;District:</source>
            <translation>&amp;Distrito:</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Distrito</translation>
        </message>
        <message>
            <source>Incident nu&amp;mber:</source>
            <translation>Nú&amp;mero de incidente:</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Sin registrar</translation>
        </message>
        <message>
            <source>O&amp;ffense:</source>
            <translation>De&amp;lito:</translation>
        </message>
        <message>
            <source>None found</source>
            <translation>No se encontró</translation>
        </message>
        <message>
            <source>Under 1 g</source>
            <translation>Menos de 1 g</translation>
        </message>
        <message>
            <source>1 to 3 g</source>
            <translation>De 1 a 3 g</translation>
        </message>
        <message>
            <source>Over 3 g</source>
            <translation>Más de 3 g</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Desconocida</translation>
        </message>
        <message>
            <source>Drug &amp;quantity:</source>
            <translation>&amp;Cantidad de droga:</translation>
        </message>
        <message>
            <source>Referral</source>
            <translation>Remisión</translation>
        </message>
        <message>
            <source>The hand-off came {0} minutes after the referral (ideally within 30).</source>
            <translation>La entrega se hizo {0} minutos después de la remisión (idealmente, dentro de 30).</translation>
        </message>
    </context>
    <context>
        <name>ReferralWizard</name>
        <message>
            <source>New referral</source>
            <translation>Nueva remisión</translation>
        </message>
        <message>
            <source>Current step</source>
            <translation>Paso actual</translation>
        </message>
        <message>
            <source>{0}. {1}</source>
            <translation>{0}. {1}</translation>
        </message>
        <message>
            <source>Save and &amp;close</source>
            <translation>Guardar y ce&amp;rrar</translation>
        </message>
        <message>
            <source>Save and close</source>
            <translation>Guardar y cerrar</translation>
        </message>
        <message>
            <source>Keep this referral as a draft and close it</source>
            <translation>Guardar esta remisión como borrador y cerrarla</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>&amp;Atrás</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <source>New referral: step {0} of {1}, {2}</source>
            <translation>Nueva remisión: paso {0} de {1}, {2}</translation>
        </message>
        <message>
            <source>Place: not chosen yet.</source>
            <translation>Lugar: aún no elegido.</translation>
        </message>
        <message>
            <source>Place: inside the LEAD area ({0}).</source>
            <translation>Lugar: dentro del área de LEAD ({0}).</translation>
        </message>
        <message>
            <source>Place: outside the LEAD area ({0}).</source>
            <translation>Lugar: fuera del área de LEAD ({0}).</translation>
        </message>
        <message>
            <source>the place is outside the LEAD area</source>
            <translation>el lugar está fuera del área de LEAD</translation>
        </message>
        <message>
            <source>Exclusion screen: “{0}” answered yes.</source>
            <translation>Filtro de exclusión: se respondió sí a “{0}”.</translation>
        </message>
        <message>
            <source>the exclusion screen has a “yes”</source>
            <translation>el filtro de exclusión tiene un “sí”</translation>
        </message>
        <message>
            <source>Exclusion screen: nothing excludes the person; still to check: {0}.</source>
            <translation>Filtro de exclusión: nada excluye a la persona; falta verificar: {0}.</translation>
        </message>
        <message>
            <source>Exclusion screen: nothing excludes the person.</source>
            <translation>Filtro de exclusión: nada excluye a la persona.</translation>
        </message>
        <message>
            <source>Prosecutor: {0}.</source>
            <translation>Fiscal: {0}.</translation>
        </message>
        <message>
            <source>the prosecutor found the person ineligible</source>
            <translation>el fiscal determinó que la persona no es elegible</translation>
        </message>
        <message>
            <source>Person: already a participant, {0}.</source>
            <translation>Persona: ya es participante, {0}.</translation>
        </message>
        <message>
            <source>Person: new to the program.</source>
            <translation>Persona: nueva en el programa.</translation>
        </message>
        <message>
            <source>Person: not looked up yet.</source>
            <translation>Persona: aún no se ha buscado.</translation>
        </message>
        <message>
            <source>&amp;Next</source>
            <translation>&amp;Siguiente</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Siguiente</translation>
        </message>
        <message>
            <source>&amp;Save declined referral</source>
            <translation>&amp;Guardar remisión rechazada</translation>
        </message>
        <message>
            <source>Save declined referral</source>
            <translation>Guardar remisión rechazada</translation>
        </message>
        <message>
            <source>&amp;Save referral</source>
            <translation>&amp;Guardar remisión</translation>
        </message>
        <message>
            <source>Save referral</source>
            <translation>Guardar remisión</translation>
        </message>
        <message>
            <source>Nothing was saved. Please check: {0}.</source>
            <translation>No se guardó nada. Revise: {0}.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Guardando…</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Guardado.</translation>
        </message>
    </context>
    <context>
        <name>ReferralsTab</name>
        <message>
            <source>No referrals are linked to this person yet. An officer's referral is recorded with New referral and linked to the person at intake.</source>
            <translation>Todavía no hay remisiones vinculadas a esta persona. La remisión de un agente se registra con Nueva remisión y se vincula a la persona en la admisión.</translation>
        </message>
        <message>
            <source>No referrals</source>
            <translation>Sin remisiones</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>Remisiones</translation>
        </message>
        <message>
            <source>Referral</source>
            <translation>Remisión</translation>
        </message>
        <message>
            <source>Referral details</source>
            <translation>Detalles de la remisión</translation>
        </message>
        <message>
            <source>Pick a referral in the list to see it here.</source>
            <translation>Elija una remisión de la lista para verla aquí.</translation>
        </message>
        <message>
            <source>Eligibility and decision</source>
            <translation>Elegibilidad y decisión</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Hecha</translation>
        </message>
        <message>
            <source>&amp;Records check</source>
            <translation>&amp;Verificación de antecedentes</translation>
        </message>
        <message>
            <source>(none yet)</source>
            <translation>(ninguna todavía)</translation>
        </message>
        <message>
            <source>&amp;Prosecutor's decision</source>
            <translation>Decisión del &amp;fiscal</translation>
        </message>
        <message>
            <source>Decision da&amp;te</source>
            <translation>Fecha de la &amp;decisión</translation>
        </message>
        <message>
            <source>Decided &amp;by</source>
            <translation>Decidido &amp;por</translation>
        </message>
        <message>
            <source>Person's &amp;decision</source>
            <translation>Decisión de la pe&amp;rsona</translation>
        </message>
        <message>
            <source>Reason for dec&amp;lining</source>
            <translation>Motivo del rec&amp;hazo</translation>
        </message>
        <message>
            <source>Save state</source>
            <translation>Estado del guardado</translation>
        </message>
        <message>
            <source>&amp;Save decision</source>
            <translation>&amp;Guardar decisión</translation>
        </message>
        <message>
            <source>Save decision</source>
            <translation>Guardar decisión</translation>
        </message>
        <message>
            <source>Type: {0}</source>
            <translation>Tipo: {0}</translation>
        </message>
        <message>
            <source>Referred: {0}</source>
            <translation>Remitido: {0}</translation>
        </message>
        <message>
            <source>Hand-off: {0}</source>
            <translation>Entrega: {0}</translation>
        </message>
        <message>
            <source>(no place recorded)</source>
            <translation>(sin lugar registrado)</translation>
        </message>
        <message>
            <source>Location: {0}; in the area: {1}</source>
            <translation>Ubicación: {0}; dentro del área: {1}</translation>
        </message>
        <message>
            <source>Officer: {0}</source>
            <translation>Agente: {0}</translation>
        </message>
        <message>
            <source>Incident: {0}</source>
            <translation>Incidente: {0}</translation>
        </message>
        <message>
            <source>Offense: {0}</source>
            <translation>Delito: {0}</translation>
        </message>
        <message>
            <source>Quantity: {0}</source>
            <translation>Cantidad: {0}</translation>
        </message>
        <message>
            <source>Exclusion screen:</source>
            <translation>Filtro de exclusión:</translation>
        </message>
        <message>
            <source>{0}: {1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <source>Changes not saved yet</source>
            <translation>Cambios aún sin guardar</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Guardado</translation>
        </message>
        <message>
            <source>Nothing had changed</source>
            <translation>No había cambios</translation>
        </message>
        <message>
            <source>Not saved: see the problems shown</source>
            <translation>No se guardó: vea los problemas indicados</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>Decided by</source>
            <translation>Decidido por</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Decisión</translation>
        </message>
        <message>
            <source>Decision date</source>
            <translation>Fecha de la decisión</translation>
        </message>
        <message>
            <source>In area</source>
            <translation>En el área</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Lugar</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Person's decision</source>
            <translation>Decisión de la persona</translation>
        </message>
        <message>
            <source>Prosecutor's decision</source>
            <translation>Decisión de la fiscalía</translation>
        </message>
        <message>
            <source>Reason declined</source>
            <translation>Motivo del rechazo</translation>
        </message>
        <message>
            <source>Reason for declining</source>
            <translation>Motivo para rechazar</translation>
        </message>
        <message>
            <source>Records check done</source>
            <translation>Antecedentes revisados</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <source>not checked</source>
            <translation>sin revisar</translation>
        </message>
    </context>
    <context>
        <name>RevokeDialog</name>
        <message>
            <source>Revoke the consent</source>
            <translation>Revocar el consentimiento</translation>
        </message>
        <message>
            <source>&amp;Revoke</source>
            <translation>&amp;Revocar</translation>
        </message>
        <message>
            <source>Date revoked</source>
            <translation>Fecha de revocación</translation>
        </message>
        <message>
            <source>How it was revoked</source>
            <translation>Cómo se revocó</translation>
        </message>
        <message>
            <source>Details of the revocation</source>
            <translation>Detalles de la revocación</translation>
        </message>
        <message>
            <source>&amp;Date revoked</source>
            <translation>&amp;Fecha de revocación</translation>
        </message>
        <message>
            <source>&amp;How</source>
            <translation>&amp;Cómo</translation>
        </message>
        <message>
            <source>De&amp;tails</source>
            <translation>&amp;Detalles</translation>
        </message>
        <message>
            <source>In writing</source>
            <translation>Por escrito</translation>
        </message>
        <message>
            <source>Verbally, noted by the case manager</source>
            <translation>De palabra, anotado por el administrador de casos</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Otro</translation>
        </message>
        <message>
            <source>Describe how it was revoked</source>
            <translation>Describa cómo se revocó</translation>
        </message>
        <message>
            <source>Optional, e.g. letter handed to the case manager</source>
            <translation>Opcional, p. ej., carta entregada al administrador de casos</translation>
        </message>
        <message>
            <source>{0}. From the date of revocation nothing more is shared under it; what was already shared in reliance on it is not undone.</source>
            <translation>{0}. A partir de la fecha de revocación no se comparte nada más con este consentimiento; lo que ya se compartió con base en él no se deshace.</translation>
        </message>
        <message>
            <source>how it was revoked is not described</source>
            <translation>no se describe cómo se revocó</translation>
        </message>
        <message>
            <source>describe it, or choose another way</source>
            <translation>descríbalo o elija otra forma</translation>
        </message>
        <message>
            <source>&amp;Preview / print the revocation form</source>
            <translation>&amp;Vista previa / imprimir el formulario de revocación</translation>
        </message>
        <message>
            <source>Preview and print the revocation form</source>
            <translation>Ver e imprimir el formulario de revocación</translation>
        </message>
        <message>
            <source>The consent is revoked. Print the revocation form: one copy for the record, one for the participant.</source>
            <translation>El consentimiento está revocado. Imprima el formulario de revocación: una copia para el expediente y otra para el participante.</translation>
        </message>
    </context>
    <context>
        <name>SafetyBanner</name>
        <message>
            <source>Safety alert</source>
            <extracomment>Above this many characters of answer labels, an item's answers take two rows.</extracomment>
            <translation>Alerta de seguridad</translation>
        </message>
        <message>
            <source>Alert</source>
            <translation>Alerta</translation>
        </message>
        <message>
            <source>SAFETY ALERT: the person reports thoughts of being better off dead or of hurting themselves. Ask about safety now and follow the crisis protocol before anything else.</source>
            <translation>ALERTA DE SEGURIDAD: la persona dice tener pensamientos de que estaría mejor muerta o de hacerse daño. Pregunte ahora por su seguridad y siga el protocolo de crisis antes que nada.</translation>
        </message>
        <message>
            <source>I have &amp;followed the safety protocol</source>
            <translation>He &amp;seguido el protocolo de seguridad</translation>
        </message>
        <message>
            <source>I have followed the safety protocol</source>
            <translation>He seguido el protocolo de seguridad</translation>
        </message>
    </context>
    <context>
        <name>ScanFile</name>
        <message>
            <source>Attach a sc&amp;an…</source>
            <translation>Adjuntar un esc&amp;aneo…</translation>
        </message>
        <message>
            <source>Attach a scan of the signed paper form</source>
            <translation>Adjuntar un escaneo del formulario firmado en papel</translation>
        </message>
        <message>
            <source>Remove scan</source>
            <translation>Quitar escaneo</translation>
        </message>
        <message>
            <source>Remove the attached scan</source>
            <translation>Quitar el escaneo adjunto</translation>
        </message>
        <message>
            <source>Scan attached</source>
            <translation>Escaneo adjunto</translation>
        </message>
        <message>
            <source>No scan attached.</source>
            <translation>No hay escaneo adjunto.</translation>
        </message>
        <message>
            <source>Scan of the signed paper form</source>
            <translation>Escaneo del formulario firmado en papel</translation>
        </message>
        <message>
            <source>Choose the scan of the signed paper form</source>
            <translation>Elija el escaneo del formulario firmado en papel</translation>
        </message>
        <message>
            <source>Scans ({0})</source>
            <translation>Escaneos ({0})</translation>
        </message>
    </context>
    <context>
        <name>ScreenPage</name>
        <message>
            <source>Ask or check each item. Any “yes” means the person cannot be accepted; “unknown” can be checked later.</source>
            <translation>Pregunte o verifique cada punto. Cualquier “sí” significa que la persona no puede ser aceptada; “desconocido” se puede verificar después.</translation>
        </message>
        <message>
            <source>Loading the program's exclusion screen…</source>
            <translation>Cargando el filtro de exclusión del programa…</translation>
        </message>
        <message>
            <source>Records check &amp;done</source>
            <translation>&amp;Verificación de antecedentes hecha</translation>
        </message>
        <message>
            <source>Records check done</source>
            <translation>Verificación de antecedentes hecha</translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>Todavía no</translation>
        </message>
        <message>
            <source>&amp;Prosecutor's eligibility decision:</source>
            <translation>&amp;Decisión del fiscal sobre elegibilidad:</translation>
        </message>
        <message>
            <source>Prosecutor's na&amp;me:</source>
            <translation>&amp;Nombre del fiscal:</translation>
        </message>
        <message>
            <source>Decision da&amp;te:</source>
            <translation>&amp;Fecha de la decisión:</translation>
        </message>
        <message>
            <source>Answers are recorded as verified by {0}, now.</source>
            <translation>Las respuestas se registran como verificadas por {0}, ahora.</translation>
        </message>
        <message>
            <source>Exclusion screen</source>
            <translation>Filtro de exclusión</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Desconocido</translation>
        </message>
        <message>
            <source>{0}: {1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <source>Not eligible: “{0}” was answered yes.</source>
            <translation>No elegible: se respondió sí a “{0}”.</translation>
        </message>
    </context>
    <context>
        <name>ScreeningForm</name>
        <message>
            <source>Screening answers</source>
            <translation>Respuestas del tamizaje</translation>
        </message>
        <message>
            <source>I&amp;nstrument</source>
            <translation>I&amp;nstrumento</translation>
        </message>
        <message>
            <source>Date given</source>
            <translation>Fecha de aplicación</translation>
        </message>
        <message>
            <source>&amp;Date given</source>
            <translation>&amp;Fecha de aplicación</translation>
        </message>
        <message>
            <source>Instructions</source>
            <translation>Instrucciones</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Puntaje</translation>
        </message>
        <message>
            <source>Scoring notes</source>
            <translation>Notas de puntuación</translation>
        </message>
        <message>
            <source>Save state</source>
            <translation>Estado del guardado</translation>
        </message>
        <message>
            <source>C&amp;lear answers</source>
            <translation>&amp;Borrar respuestas</translation>
        </message>
        <message>
            <source>Clear answers</source>
            <translation>Borrar respuestas</translation>
        </message>
        <message>
            <source>&amp;Save screening</source>
            <translation>&amp;Guardar tamizaje</translation>
        </message>
        <message>
            <source>Save screening</source>
            <translation>Guardar tamizaje</translation>
        </message>
        <message>
            <source>Item {0}: {1}</source>
            <translation>Pregunta {0}: {1}</translation>
        </message>
        <message>
            <source>{0}. {1}</source>
            <translation>{0}. {1}</translation>
        </message>
        <message>
            <source>Item {0}</source>
            <translation>Pregunta {0}</translation>
        </message>
        <message>
            <source>Answer all items to score ({0} of {1} answered)</source>
            <translation>Responda todas las preguntas para obtener el puntaje ({0} de {1} respondidas)</translation>
        </message>
        <message>
            <source>positive screen</source>
            <translation>tamizaje positivo</translation>
        </message>
        <message>
            <source>negative screen</source>
            <translation>tamizaje negativo</translation>
        </message>
        <message>
            <source>Total {0} of {1}: {2}</source>
            <translation>Total {0} de {1}: {2}</translation>
        </message>
        <message>
            <source>Total {0} of {1}: {2}, {3}</source>
            <translation>Total {0} de {1}: {2}, {3}</translation>
        </message>
        <message>
            <source>Date given: {0} is not a date; use YYYY-MM-DD</source>
            <translation>Fecha de aplicación: {0} no es una fecha; use AAAA-MM-DD</translation>
        </message>
        <message>
            <source>Date given: {0} is in the future; check the date</source>
            <translation>Fecha de aplicación: {0} es una fecha futura; revise la fecha</translation>
        </message>
        <message>
            <source>Answer at least one item before saving.</source>
            <translation>Responda al menos una pregunta antes de guardar.</translation>
        </message>
        <message>
            <source>Not saved: tick 'I have followed the safety protocol' once you have, then save.</source>
            <translation>No se guardó: marque 'He seguido el protocolo de seguridad' una vez que lo haya hecho y luego guarde.</translation>
        </message>
        <message>
            <source>Screening saved</source>
            <translation>Tamizaje guardado</translation>
        </message>
        <message>
            <source>(not answered)</source>
            <translation>(sin responder)</translation>
        </message>
    </context>
    <context>
        <name>SetUpSyncDialog</name>
        <message>
            <source>Set up sync</source>
            <translation>Configurar la sincronización</translation>
        </message>
        <message>
            <source>Connect this laptop to the program's sync server. IT gives you the server address, a one-time enrollment code and, for an https server, its certificate fingerprint. You can paste the text of the enrollment QR code as the code.</source>
            <translation>Conecte esta laptop al servidor de sincronización del programa. Informática le da la dirección del servidor, un código de inscripción de un solo uso y, para un servidor https, la huella de su certificado. Puede pegar el texto del código QR de inscripción como código.</translation>
        </message>
        <message>
            <source>This laptop is already enrolled with {0}. Enrolling again replaces that link: do it only when IT asks you to.</source>
            <translation>Esta laptop ya está inscrita en {0}. Inscribirla de nuevo reemplaza ese vínculo: hágalo solo cuando Informática se lo pida.</translation>
        </message>
        <message>
            <source>Server address</source>
            <translation>Dirección del servidor</translation>
        </message>
        <message>
            <source>Enrollment code</source>
            <translation>Código de inscripción</translation>
        </message>
        <message>
            <source>Server user name</source>
            <translation>Usuario del servidor</translation>
        </message>
        <message>
            <source>Server password</source>
            <translation>Contraseña del servidor</translation>
        </message>
        <message>
            <source>Server &amp;address:</source>
            <translation>&amp;Dirección del servidor:</translation>
        </message>
        <message>
            <source>Enrollment &amp;code:</source>
            <translation>&amp;Código de inscripción:</translation>
        </message>
        <message>
            <source>Server &amp;user name:</source>
            <translation>&amp;Usuario del servidor:</translation>
        </message>
        <message>
            <source>Server pass&amp;word:</source>
            <translation>Contra&amp;seña del servidor:</translation>
        </message>
        <message>
            <source>Set-up progress</source>
            <translation>Avance de la configuración</translation>
        </message>
        <message>
            <source>&amp;Enroll this laptop</source>
            <translation>&amp;Inscribir esta laptop</translation>
        </message>
        <message>
            <source>Enroll this laptop</source>
            <translation>Inscribir esta laptop</translation>
        </message>
        <message>
            <source>Cancel set-up</source>
            <translation>Cancelar la configuración</translation>
        </message>
        <message>
            <source>Server certificate</source>
            <translation>Certificado del servidor</translation>
        </message>
        <message>
            <source>C&amp;heck the certificate</source>
            <translation>Co&amp;mprobar el certificado</translation>
        </message>
        <message>
            <source>Check the server certificate</source>
            <translation>Comprobar el certificado del servidor</translation>
        </message>
        <message>
            <source>Certificate details</source>
            <translation>Datos del certificado</translation>
        </message>
        <message>
            <source>Certificate fingerprint (SHA-256)</source>
            <translation>Huella del certificado (SHA-256)</translation>
        </message>
        <message>
            <source>Fingerprint from IT</source>
            <translation>Huella dada por Informática</translation>
        </message>
        <message>
            <source>Paste it here to compare (optional)</source>
            <translation>Péguela aquí para compararla (opcional)</translation>
        </message>
        <message>
            <source>The &amp;fingerprint matches the one IT gave me</source>
            <translation>La &amp;huella coincide con la que me dio Informática</translation>
        </message>
        <message>
            <source>The fingerprint matches the one IT gave me</source>
            <translation>La huella coincide con la que me dio Informática</translation>
        </message>
        <message>
            <source>Fingerprint from &amp;IT:</source>
            <translation>Huella dada por Inf&amp;ormática:</translation>
        </message>
        <message>
            <source>Not checked yet: choose Check the certificate after typing the address.</source>
            <translation>Aún sin comprobar: elija Comprobar el certificado después de escribir la dirección.</translation>
        </message>
        <message>
            <source>Above: the SHA-256 fingerprint. Compare it with the one IT gave you.
Subject: {0}
Issued by: {1}
Valid from {2} to {3}</source>
            <translation>Arriba: la huella SHA-256. Compárela con la que le dio Informática.
Sujeto: {0}
Emitido por: {1}
Válido del {2} al {3}</translation>
        </message>
        <message>
            <source>Reading the server's certificate…</source>
            <translation>Leyendo el certificado del servidor…</translation>
        </message>
        <message>
            <source>Check the certificate to compare it with this one.</source>
            <translation>Compruebe el certificado para compararlo con esta huella.</translation>
        </message>
        <message>
            <source>It matches the server's certificate.</source>
            <translation>Coincide con el certificado del servidor.</translation>
        </message>
        <message>
            <source>It does NOT match the server's certificate. Do not enroll: tell IT, someone may be between this laptop and the server.</source>
            <translation>NO coincide con el certificado del servidor. No inscriba la laptop: avise a Informática, puede haber alguien entre esta laptop y el servidor.</translation>
        </message>
        <message>
            <source>Enrollment code: type the code IT gave you.</source>
            <translation>Código de inscripción: escriba el código que le dio Informática.</translation>
        </message>
        <message>
            <source>Server user name: type your server account.</source>
            <translation>Usuario del servidor: escriba su cuenta del servidor.</translation>
        </message>
        <message>
            <source>Server password: type the password of that account.</source>
            <translation>Contraseña del servidor: escriba la contraseña de esa cuenta.</translation>
        </message>
        <message>
            <source>Check the certificate, compare its fingerprint with the one IT gave you, and tick the box when they match.</source>
            <translation>Compruebe el certificado, compare su huella con la que le dio Informática y marque la casilla cuando coincidan.</translation>
        </message>
        <message>
            <source>Enrolling this laptop…</source>
            <translation>Inscribiendo esta laptop…</translation>
        </message>
        <message>
            <source>This laptop is enrolled. Sync starts now.</source>
            <translation>Esta laptop está inscrita. La sincronización empieza ahora.</translation>
        </message>
        <message>
            <source>Enrollment code: the server does not know this code, or it expired or was used already. Ask IT for a new one.</source>
            <translation>Código de inscripción: el servidor no conoce este código, o venció o ya se usó. Pida uno nuevo a Informática.</translation>
        </message>
        <message>
            <source>Server password: the server refused this user name and password. Check both and try again (after several wrong tries, wait a few minutes).</source>
            <translation>Contraseña del servidor: el servidor rechazó este usuario y contraseña. Revise ambos e inténtelo de nuevo (tras varios intentos fallidos, espere unos minutos).</translation>
        </message>
        <message>
            <source>Server address: the server cannot be reached. Check the address and the network, then try again.</source>
            <translation>Dirección del servidor: no se puede contactar con el servidor. Revise la dirección y la red, y vuelva a intentarlo.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Configuración</translation>
        </message>
        <message>
            <source>Settings pages</source>
            <translation>Páginas de configuración</translation>
        </message>
        <message>
            <source>&amp;Program</source>
            <translation>&amp;Programa</translation>
        </message>
        <message>
            <source>&amp;Workers</source>
            <translation>&amp;Trabajadores</translation>
        </message>
        <message>
            <source>&amp;This computer</source>
            <translation>&amp;Esta computadora</translation>
        </message>
        <message>
            <source>Save settings</source>
            <translation>Guardar la configuración</translation>
        </message>
        <message>
            <source>Close settings</source>
            <translation>Cerrar la configuración</translation>
        </message>
        <message>
            <source>Unsaved changes.</source>
            <translation>Cambios sin guardar.</translation>
        </message>
        <message>
            <source>Nothing was saved: fix the problems shown.</source>
            <translation>No se guardó nada: corrija los problemas indicados.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Guardando…</translation>
        </message>
        <message>
            <source>This computer's settings could not be saved ({0}).</source>
            <translation>No se pudieron guardar los ajustes de esta computadora ({0}).</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Guardado.</translation>
        </message>
        <message>
            <source>The program's settings were not saved.</source>
            <translation>No se guardaron los ajustes del programa.</translation>
        </message>
    </context>
    <context>
        <name>SignDialog</name>
        <message>
            <source>Sign the consent</source>
            <extracomment>Issue fields shown beside a field of this dialog; the rest concern the consent itself.</extracomment>
            <translation>Firmar el consentimiento</translation>
        </message>
        <message>
            <source>Loading the consent…</source>
            <translation>Cargando el consentimiento…</translation>
        </message>
        <message>
            <source>Date signed</source>
            <translation>Fecha de firma</translation>
        </message>
        <message>
            <source>&amp;Date signed</source>
            <translation>&amp;Fecha de firma</translation>
        </message>
        <message>
            <source>On scr&amp;een, in the box below</source>
            <translation>En &amp;pantalla, en el recuadro de abajo</translation>
        </message>
        <message>
            <source>Signed on screen</source>
            <translation>Firmado en pantalla</translation>
        </message>
        <message>
            <source>On &amp;paper, before a witness</source>
            <translation>En pap&amp;el, ante un testigo</translation>
        </message>
        <message>
            <source>Signed on paper, before a witness</source>
            <translation>Firmado en papel, ante un testigo</translation>
        </message>
        <message>
            <source>How it was signed</source>
            <translation>Cómo se firmó</translation>
        </message>
        <message>
            <source>Signature</source>
            <translation>Firma</translation>
        </message>
        <message>
            <source>Witness's name</source>
            <translation>Nombre del testigo</translation>
        </message>
        <message>
            <source>Who saw the participant sign the paper form</source>
            <translation>Quién vio al participante firmar el formulario en papel</translation>
        </message>
        <message>
            <source>&amp;Witness</source>
            <translation>&amp;Testigo</translation>
        </message>
        <message>
            <source>Scan (optional)</source>
            <translation>Escaneo (opcional)</translation>
        </message>
        <message>
            <source>A cop&amp;y was given to the participant</source>
            <translation>El participante recibió una cop&amp;ia</translation>
        </message>
        <message>
            <source>A copy was given to the participant</source>
            <translation>El participante recibió una copia</translation>
        </message>
        <message>
            <source>How the copy was given</source>
            <translation>Cómo se entregó la copia</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copia</translation>
        </message>
        <message>
            <source>Mark as &amp;signed</source>
            <translation>Marcar como fir&amp;mado</translation>
        </message>
        <message>
            <source>Mark the consent as signed</source>
            <translation>Marcar el consentimiento como firmado</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Cancel without signing</source>
            <translation>Cancelar sin firmar</translation>
        </message>
        <message>
            <source>Still needed before it can be signed</source>
            <translation>Falta antes de poder firmarlo</translation>
        </message>
        <message>
            <source>What the consent still lacks before signing</source>
            <translation>Lo que aún le falta al consentimiento para firmarlo</translation>
        </message>
        <message>
            <source>{0} consent for {1}; recipients: {2}; signer: {3}.</source>
            <translation>Consentimiento ({0}) de {1}; destinatarios: {2}; firmante: {3}.</translation>
        </message>
        <message>
            <source>none named</source>
            <translation>ninguno indicado</translation>
        </message>
        <message>
            <source>not named</source>
            <translation>sin indicar</translation>
        </message>
        <message>
            <source>This consent is {0}; only a draft can be signed.</source>
            <translation>Este consentimiento está en estado {0}; solo se puede firmar un borrador.</translation>
        </message>
        <message>
            <source>Everything needed is here: it can be signed.</source>
            <translation>Está todo lo necesario: se puede firmar.</translation>
        </message>
        <message>
            <source>1 item still needed:</source>
            <translation>Falta 1 dato:</translation>
        </message>
        <message>
            <source>{0} items still needed:</source>
            <translation>Faltan {0} datos:</translation>
        </message>
        <message>
            <source>Signing…</source>
            <translation>Firmando…</translation>
        </message>
        <message>
            <source>The consent is signed.</source>
            <translation>El consentimiento está firmado.</translation>
        </message>
        <message>
            <source>Not signed.</source>
            <translation>No se firmó.</translation>
        </message>
        <message>
            <source>The consent itself lacks these (fix them on a new consent):</source>
            <translation>Al propio consentimiento le falta esto (corríjalo en un consentimiento nuevo):</translation>
        </message>
        <message>
            <source>Not signed: {0} item(s) missing, listed beside the fields.</source>
            <translation>No se firmó: falta(n) {0} dato(s), indicado(s) junto a los campos.</translation>
        </message>
    </context>
    <context>
        <name>SignatureCanvas</name>
        <message>
            <source>Signature box</source>
            <extracomment>Width / height of the capture box (the printed signature box has the same proportions). Points closer than this (in box units) to the previous one are dropped: smaller, same look. Decimals kept (the store rounds to the same, so equal signatures give equal bytes).</extracomment>
            <translation>Recuadro de firma</translation>
        </message>
        <message>
            <source>Sign here with a pen, a finger or the mouse. Backspace undoes the last stroke, Delete clears. Without a pointer, record that it was signed on paper instead.</source>
            <translation>Firme aquí con un lápiz óptico, un dedo o el mouse. Backspace deshace el último trazo y Delete borra. Sin un dispositivo apuntador, registre en su lugar que se firmó en papel.</translation>
        </message>
        <message>
            <source>× Sign here</source>
            <translation>× Firme aquí</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>On-screen signature</source>
            <translation>Firma en pantalla</translation>
        </message>
        <message>
            <source>Sign in the box with a pen, a finger or the mouse.</source>
            <translation>Firme en el recuadro con un lápiz óptico, un dedo o el mouse.</translation>
        </message>
        <message>
            <source>&amp;Undo last stroke</source>
            <translation>&amp;Deshacer último trazo</translation>
        </message>
        <message>
            <source>Undo the last stroke of the signature</source>
            <translation>Deshacer el último trazo de la firma</translation>
        </message>
        <message>
            <source>C&amp;lear signature</source>
            <translation>&amp;Borrar firma</translation>
        </message>
        <message>
            <source>Clear the signature</source>
            <translation>Borrar la firma</translation>
        </message>
        <message>
            <source>{0} stroke(s) drawn. Backspace undoes the last stroke, Delete clears.</source>
            <translation>{0} trazo(s) dibujado(s). Backspace deshace el último trazo y Delete borra.</translation>
        </message>
        <message>
            <source>Empty. Sign with a pen, a finger or the mouse. Without a pointer, record that it was signed on paper instead.</source>
            <translation>Vacío. Firme con un lápiz óptico, un dedo o el mouse. Sin un dispositivo apuntador, registre en su lugar que se firmó en papel.</translation>
        </message>
    </context>
    <context>
        <name>SyncController</name>
        <message>
            <source>Syncing…</source>
            <translation>Sincronizando…</translation>
        </message>
        <message>
            <source>Syncing… (pushed {0})</source>
            <translation>Sincronizando… ({0} enviados)</translation>
        </message>
        <message>
            <source>Syncing… (uploaded {0} files)</source>
            <translation>Sincronizando… ({0} archivos subidos)</translation>
        </message>
        <message>
            <source>Syncing… (pulled {0})</source>
            <translation>Sincronizando… ({0} recibidos)</translation>
        </message>
        <message>
            <source>Syncing… (downloaded {0} files)</source>
            <translation>Sincronizando… ({0} archivos descargados)</translation>
        </message>
        <message>
            <source>Syncing… (checking)</source>
            <translation>Sincronizando… (comprobando)</translation>
        </message>
        <message>
            <source>The server refused this password. Check it and type it again.</source>
            <translation>El servidor rechazó esta contraseña. Revísela y escríbala de nuevo.</translation>
        </message>
        <message>
            <source>Sync failed — next try in {0}</source>
            <translation>La sincronización falló: nuevo intento en {0}</translation>
        </message>
        <message>
            <source>{0} min</source>
            <translation>{0} min</translation>
        </message>
        <message>
            <source>{0} s</source>
            <translation>{0} s</translation>
        </message>
        <message>
            <source>Synced</source>
            <translation>Sincronizado</translation>
        </message>
        <message>
            <source>Synced just now</source>
            <translation>Sincronizado hace un momento</translation>
        </message>
        <message>
            <source>Synced {0} min ago</source>
            <translation>Sincronizado hace {0} min</translation>
        </message>
        <message>
            <source>Synced {0} h ago</source>
            <translation>Sincronizado hace {0} h</translation>
        </message>
        <message>
            <source>Synced {0} days ago</source>
            <translation>Sincronizado hace {0} días</translation>
        </message>
        <message>
            <source>Sync: not set up</source>
            <translation>Sincronización: sin configurar</translation>
        </message>
        <message>
            <source>This laptop is not connected to a sync server yet. An administrator sets it up with Work &gt; Set up sync.</source>
            <translation>Esta laptop aún no está conectada a un servidor de sincronización. Un administrador la configura con Trabajo &gt; Configurar la sincronización.</translation>
        </message>
        <message>
            <source>Offline — next try in {0}</source>
            <translation>Sin conexión: nuevo intento en {0}</translation>
        </message>
        <message>
            <source>The sync server cannot be reached. Your work is safe on this laptop; sync tries again by itself, or choose Sync now (Ctrl+Shift+S).</source>
            <translation>No se puede contactar con el servidor de sincronización. Su trabajo está a salvo en esta laptop; la sincronización se reintenta sola, o elija Sincronizar ahora (Ctrl+Mayús+S).</translation>
        </message>
        <message>
            <source>Sync needs your server password</source>
            <translation>La sincronización necesita su contraseña del servidor</translation>
        </message>
        <message>
            <source>Click here or choose Sync now (Ctrl+Shift+S) to type it once.</source>
            <translation>Haga clic aquí o elija Sincronizar ahora (Ctrl+Mayús+S) para escribirla una vez.</translation>
        </message>
        <message>
            <source>Update required to sync</source>
            <translation>Hay que actualizar para sincronizar</translation>
        </message>
        <message>
            <source>Install the current LEAD Desktop, then sync again.</source>
            <translation>Instale la versión actual de LEAD Desktop y vuelva a sincronizar.</translation>
        </message>
        <message>
            <source>This laptop was revoked: sync stopped</source>
            <translation>Esta laptop fue revocada: sincronización detenida</translation>
        </message>
        <message>
            <source>Sync: your account is disabled</source>
            <translation>Sincronización: su cuenta está desactivada</translation>
        </message>
        <message>
            <source>Ask IT to enable your account on the program's server. Your work is safe on this laptop; sync tries again by itself.</source>
            <translation>Pida a informática que active su cuenta en el servidor del programa. Su trabajo está a salvo en este portátil; la sincronización lo vuelve a intentar por sí sola.</translation>
        </message>
        <message>
            <source>Sync: not synced yet</source>
            <translation>Sincronización: aún sin sincronizar</translation>
        </message>
        <message>
            <source>{0} · Conflicts to review: {1}</source>
            <translation>{0} · Conflictos por revisar: {1}</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Sincronización</translation>
        </message>
        <message>
            <source>Sync message</source>
            <translation>Aviso de sincronización</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusButton</name>
        <message>
            <source>Sync state</source>
            <extracomment>Milliseconds from unlocking to the first background sync (the caseload loads first). How often the "Synced 3 min ago" / "next try in" texts are brought up to date.</extracomment>
            <translation>Estado de la sincronización</translation>
        </message>
        <message>
            <source>Sync: paused while locked</source>
            <translation>Sincronización: en pausa mientras está bloqueado</translation>
        </message>
    </context>
    <context>
        <name>UnlockScreen</name>
        <message>
            <source>Unlock the DEMO store</source>
            <translation>Desbloquear la base de datos DEMO</translation>
        </message>
        <message>
            <source>Unlock LEAD Desktop</source>
            <translation>Desbloquear LEAD Desktop</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Trabajador</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Frase de contraseña</translation>
        </message>
        <message>
            <source>&amp;Worker:</source>
            <translation>&amp;Trabajador:</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Frase de contraseña:</translation>
        </message>
        <message>
            <source>Demo store (made-up people). Worker: {0}, passphrase: {1}</source>
            <translation>Base de datos de demostración (personas ficticias). Trabajador: {0}, frase de contraseña: {1}</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Desbloquear</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Desbloquear</translation>
        </message>
        <message>
            <source>&amp;Forgot passphrase?</source>
            <translation>¿&amp;Olvidó su frase de contraseña?</translation>
        </message>
        <message>
            <source>Forgot passphrase</source>
            <translation>Olvidé mi frase de contraseña</translation>
        </message>
        <message>
            <source>Set up the &amp;real store</source>
            <translation>Configurar la base de datos &amp;real</translation>
        </message>
        <message>
            <source>Set up the real store</source>
            <translation>Configurar la base de datos real</translation>
        </message>
        <message>
            <source>Passphrase: it is empty; type your passphrase.</source>
            <translation>Frase de contraseña: está vacía; escriba su frase de contraseña.</translation>
        </message>
        <message>
            <source>Unlocking...</source>
            <translation>Desbloqueando...</translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>Ya puede volver a intentarlo.</translation>
        </message>
        <message>
            <source>Too many wrong passphrases. Try again in {0} seconds.</source>
            <translation>Demasiadas frases de contraseña incorrectas. Vuelva a intentarlo en {0} segundos.</translation>
        </message>
        <message>
            <source>Forgot your passphrase?</source>
            <translation>¿Olvidó su frase de contraseña?</translation>
        </message>
        <message>
            <source>Nobody can read your passphrase back, not even IT. Ask your program administrator: they can set you a new one in Settings &gt; Workers, or with the program's recovery key ('lead-desktop recover'). Your saved work is not lost.</source>
            <translation>Nadie puede recuperar su frase de contraseña, ni siquiera el personal de informática. Pida ayuda al administrador de su programa: puede asignarle una nueva en Configuración &gt; Trabajadores, o con la clave de recuperación del programa ('lead-desktop recover'). Su trabajo guardado no se pierde.</translation>
        </message>
        <message>
            <source>How to recover a forgotten passphrase</source>
            <translation>Cómo recuperar una frase de contraseña olvidada</translation>
        </message>
    </context>
    <context>
        <name>ValuePane</name>
        <message>
            <source>{0}: value</source>
            <extracomment>Participant fields holding an HMIS code, shown by their label. Fields holding a bare snake_case code, shown through labels.code.</extracomment>
            <translation>{0}: valor</translation>
        </message>
        <message>
            <source>{0}: who and when</source>
            <translation>{0}: quién y cuándo</translation>
        </message>
    </context>
    <context>
        <name>WorkersModel</name>
        <message>
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <source>No, removed</source>
            <translation>No, dado de baja</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Activo</translation>
        </message>
    </context>
    <context>
        <name>WorkersPage</name>
        <message>
            <source>Workers</source>
            <translation>Trabajadores</translation>
        </message>
        <message>
            <source>&amp;Add worker…</source>
            <translation>&amp;Agregar trabajador…</translation>
        </message>
        <message>
            <source>&amp;Remove worker…</source>
            <translation>&amp;Quitar trabajador…</translation>
        </message>
        <message>
            <source>Reset passphrase through re&amp;covery…</source>
            <translation>Restablecer frase de contraseña con &amp;recuperación…</translation>
        </message>
        <message>
            <source>This store has no recovery key, so a forgotten passphrase cannot be reset. Set one from the command line: lead-desktop set-recovery-key FILE</source>
            <translation>Esta base de datos no tiene clave de recuperación, así que no se puede restablecer una frase de contraseña olvidada. Configure una desde la línea de comandos: lead-desktop set-recovery-key ARCHIVO</translation>
        </message>
        <message>
            <source>{0} was added and can now unlock this store.</source>
            <translation>Se agregó a {0}, que ya puede desbloquear esta base de datos.</translation>
        </message>
        <message>
            <source>Remove worker</source>
            <translation>Quitar trabajador</translation>
        </message>
        <message>
            <source>Remove {0}? They will no longer be able to unlock this store. Their records stay, and they can be added again later.</source>
            <translation>¿Quitar a {0}? Ya no podrá desbloquear esta base de datos. Sus registros se conservan y se le puede volver a agregar más tarde.</translation>
        </message>
        <message>
            <source>Confirm removing a worker</source>
            <translation>Confirmar que se quita a un trabajador</translation>
        </message>
        <message>
            <source>Removing {0}…</source>
            <translation>Quitando a {0}…</translation>
        </message>
        <message>
            <source>{0} was removed.</source>
            <translation>Se quitó a {0}.</translation>
        </message>
        <message>
            <source>{0} can now unlock with the new passphrase; the old one no longer works.</source>
            <translation>{0} ya puede desbloquear con la nueva frase de contraseña; la anterior ya no funciona.</translation>
        </message>
    </context>
    <context>
        <name>_Goal</name>
        <message>
            <source>&amp;Area of life:</source>
            <translation>Área de la &amp;vida:</translation>
        </message>
        <message>
            <source>Area of life:</source>
            <translation>Área de la vida:</translation>
        </message>
        <message>
            <source>In the person's words, e.g. a bed tonight</source>
            <translation>En palabras de la persona, p. ej., una cama esta noche</translation>
        </message>
        <message>
            <source>&amp;Goal:</source>
            <translation>&amp;Meta:</translation>
        </message>
        <message>
            <source>Goal:</source>
            <translation>Meta:</translation>
        </message>
        <message>
            <source>e.g. call the shelter hotline together</source>
            <translation>p. ej., llamar juntos a la línea del albergue</translation>
        </message>
        <message>
            <source>First s&amp;tep:</source>
            <translation>Primer &amp;paso:</translation>
        </message>
        <message>
            <source>First step:</source>
            <translation>Primer paso:</translation>
        </message>
        <message>
            <source>&amp;Who does it:</source>
            <translation>&amp;Quién lo hace:</translation>
        </message>
        <message>
            <source>Who does it:</source>
            <translation>Quién lo hace:</translation>
        </message>
        <message>
            <source>Pa&amp;rtner:</source>
            <translation>&amp;Organización asociada:</translation>
        </message>
        <message>
            <source>Partner:</source>
            <translation>Organización asociada:</translation>
        </message>
        <message>
            <source>Target &amp;date:</source>
            <translation>&amp;Fecha límite:</translation>
        </message>
        <message>
            <source>Target date:</source>
            <translation>Fecha límite:</translation>
        </message>
    </context>
    <context>
        <name>consents</name>
        <message>
            <source>{0} consent signed on {1}</source>
            <translation>Consentimiento ({0}) firmado el {1}</translation>
        </message>
        <message>
            <source>{0} consent (not signed)</source>
            <translation>Consentimiento ({0}) sin firmar</translation>
        </message>
        <message>
            <source>Handed over in person</source>
            <extracomment>File types accepted as a scan of a signed paper form, by suffix. Largest scan kept (a phone photo of a page is a few MB).</extracomment>
            <translation>Entregada en persona</translation>
        </message>
        <message>
            <source>Mailed</source>
            <translation>Enviada por correo postal</translation>
        </message>
        <message>
            <source>Emailed</source>
            <translation>Enviada por correo electrónico</translation>
        </message>
        <message>
            <source>the scan is not a PDF or an image</source>
            <translation>el escaneo no es un PDF ni una imagen</translation>
        </message>
        <message>
            <source>choose a PDF, PNG or JPEG</source>
            <translation>elija un PDF, PNG o JPEG</translation>
        </message>
        <message>
            <source>the scan is larger than 25 MB</source>
            <translation>el escaneo ocupa más de 25 MB</translation>
        </message>
        <message>
            <source>scan at a lower resolution</source>
            <translation>escanee con menor resolución</translation>
        </message>
        <message>
            <source>the scan could not be read</source>
            <translation>no se pudo leer el escaneo</translation>
        </message>
        <message>
            <source>check the file and attach it again</source>
            <translation>revise el archivo y vuelva a adjuntarlo</translation>
        </message>
        <message>
            <source>the scan file is empty</source>
            <translation>el archivo del escaneo está vacío</translation>
        </message>
        <message>
            <source>scan the form again</source>
            <translation>vuelva a escanear el formulario</translation>
        </message>
    </context>
    <context>
        <name>ScreeningsModel</name>
        <message>
            <source>Band</source>
            <translation>Nivel</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>Instrument</source>
            <translation>Instrumento</translation>
        </message>
        <message>
            <source>Negative</source>
            <translation>Negativo</translation>
        </message>
        <message>
            <source>Positive</source>
            <translation>Positivo</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Safety alert</source>
            <translation>Alerta de seguridad</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>incomplete</source>
            <translation>incompleto</translation>
        </message>
    </context>
    <context>
        <name>codes</name>
        <message>
            <source>1 or 2</source>
            <translation>1 o 2</translation>
        </message>
        <message>
            <source>10 or more</source>
            <translation>10 o más</translation>
        </message>
        <message>
            <source>2-3 times a week</source>
            <translation>De 2 a 3 veces a la semana</translation>
        </message>
        <message>
            <source>2-4 times a month</source>
            <translation>De 2 a 4 veces al mes</translation>
        </message>
        <message>
            <source>3 or 4</source>
            <translation>3 o 4</translation>
        </message>
        <message>
            <source>4 or more times a week</source>
            <translation>4 o más veces a la semana</translation>
        </message>
        <message>
            <source>5 or 6</source>
            <translation>5 o 6</translation>
        </message>
        <message>
            <source>7 to 9</source>
            <translation>De 7 a 9</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>Aceptado</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Acción</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Activo</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrador</translation>
        </message>
        <message>
            <source>Alcohol Use Disorders Identification Test - Consumption</source>
            <translation>Cuestionario de Identificación de los Trastornos debidos al Consumo de Alcohol - Consumo</translation>
        </message>
        <message>
            <source>Alcohol use disorder</source>
            <translation>Trastorno por consumo de alcohol</translation>
        </message>
        <message>
            <source>Alias</source>
            <translation>Alias</translation>
        </message>
        <message>
            <source>American Indian, Alaska Native, or Indigenous</source>
            <translation>Indígena americano, nativo de Alaska o indígena</translation>
        </message>
        <message>
            <source>Approximate or partial DOB reported</source>
            <translation>Fecha de nacimiento aproximada o parcial informada</translation>
        </message>
        <message>
            <source>Approximate or partial SSN reported</source>
            <translation>SSN aproximado o parcial informado</translation>
        </message>
        <message>
            <source>Are you always able to stop using drugs when you want to?</source>
            <translation>¿Es siempre capaz de dejar de consumir drogas cuando quiere?</translation>
        </message>
        <message>
            <source>Arrest diversion</source>
            <translation>Desvío en el arresto</translation>
        </message>
        <message>
            <source>Asian or Asian American</source>
            <translation>Asiático o asiático-americano</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>Evaluación</translation>
        </message>
        <message>
            <source>Attendance</source>
            <translation>Asistencia</translation>
        </message>
        <message>
            <source>Benefits</source>
            <translation>Beneficios</translation>
        </message>
        <message>
            <source>Black, African American, or African</source>
            <translation>Negro, afroamericano o africano</translation>
        </message>
        <message>
            <source>Both</source>
            <translation>Ambos</translation>
        </message>
        <message>
            <source>Case manager</source>
            <translation>Administrador de casos</translation>
        </message>
        <message>
            <source>Client doesn't know</source>
            <translation>El cliente no sabe</translation>
        </message>
        <message>
            <source>Client prefers not to answer</source>
            <translation>El cliente prefiere no responder</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Cerrado</translation>
        </message>
        <message>
            <source>Collateral</source>
            <translation>Con terceros</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>Comunidad</translation>
        </message>
        <message>
            <source>Consent CJ</source>
            <translation>Consentimiento para la justicia penal</translation>
        </message>
        <message>
            <source>Consent TPO</source>
            <translation>Consentimiento TPO</translation>
        </message>
        <message>
            <source>Consent counseling notes</source>
            <translation>Consentimiento para notas de consejería</translation>
        </message>
        <message>
            <source>Consent legal proceedings</source>
            <translation>Consentimiento para procedimientos legales</translation>
        </message>
        <message>
            <source>Consent release</source>
            <translation>Consentimiento de divulgación</translation>
        </message>
        <message>
            <source>Contemplation</source>
            <translation>Contemplación</translation>
        </message>
        <message>
            <source>Coordinates</source>
            <translation>Coordenadas</translation>
        </message>
        <message>
            <source>Counseling notes</source>
            <translation>Notas de consejería</translation>
        </message>
        <message>
            <source>Court</source>
            <translation>Corte</translation>
        </message>
        <message>
            <source>Criminal justice</source>
            <translation>Justicia penal</translation>
        </message>
        <message>
            <source>Daily or almost daily</source>
            <translation>A diario o casi a diario</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Oscuro</translation>
        </message>
        <message>
            <source>Data not collected</source>
            <translation>Datos no recopilados</translation>
        </message>
        <message>
            <source>Dealing for profit</source>
            <translation>Venta con fines de lucro</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>Rechazado</translation>
        </message>
        <message>
            <source>Diagnosis</source>
            <translation>Diagnóstico</translation>
        </message>
        <message>
            <source>Disclosures</source>
            <translation>Divulgaciones</translation>
        </message>
        <message>
            <source>Disqualifying violence</source>
            <translation>Violencia que descalifica</translation>
        </message>
        <message>
            <source>Do you ever feel bad or guilty about your drug use?</source>
            <translation>¿Alguna vez se siente mal o culpable por su consumo de drogas?</translation>
        </message>
        <message>
            <source>Do you use more than one drug at a time?</source>
            <translation>¿Consume más de una droga a la vez?</translation>
        </message>
        <message>
            <source>Does your spouse (or parents) ever complain about your involvement with drugs?</source>
            <translation>¿Su pareja (o sus padres) se queja alguna vez de su relación con las drogas?</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Borrador</translation>
        </message>
        <message>
            <source>Drawn</source>
            <translation>Dibujada</translation>
        </message>
        <message>
            <source>Dropped</source>
            <translation>Descartado</translation>
        </message>
        <message>
            <source>Drug Abuse Screening Test (10 items)</source>
            <translation>Prueba de Detección de Abuso de Drogas (10 preguntas)</translation>
        </message>
        <message>
            <source>Drug tests</source>
            <translation>Pruebas de drogas</translation>
        </message>
        <message>
            <source>Drug use disorder</source>
            <translation>Trastorno por consumo de drogas</translation>
        </message>
        <message>
            <source>Eligible</source>
            <translation>Elegible</translation>
        </message>
        <message>
            <source>Emailed</source>
            <translation>Enviada por correo electrónico</translation>
        </message>
        <message>
            <source>Emergency shelter</source>
            <translation>Albergue de emergencia</translation>
        </message>
        <message>
            <source>Employment education</source>
            <translation>Empleo y educación</translation>
        </message>
        <message>
            <source>Evaluator</source>
            <translation>Evaluador</translation>
        </message>
        <message>
            <source>Exploits minors</source>
            <translation>Explota a menores</translation>
        </message>
        <message>
            <source>Family supports</source>
            <translation>Apoyo familiar</translation>
        </message>
        <message>
            <source>Feeling bad about yourself, or that you are a failure or let your family down</source>
            <translation>Se ha sentido mal con usted mismo(a), o que es un fracaso o que ha quedado mal con usted mismo(a) o con su familia</translation>
        </message>
        <message>
            <source>Feeling down, depressed, or hopeless</source>
            <translation>Se ha sentido decaído(a), deprimido(a) o sin esperanzas</translation>
        </message>
        <message>
            <source>Feeling tired or having little energy</source>
            <translation>Se ha sentido cansado(a) o con poca energía</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Femenino</translation>
        </message>
        <message>
            <source>Food</source>
            <translation>Comida</translation>
        </message>
        <message>
            <source>Foster care home or foster care group home</source>
            <translation>Hogar de crianza temporal o casa grupal de crianza temporal</translation>
        </message>
        <message>
            <source>Full DOB reported</source>
            <translation>Fecha de nacimiento completa informada</translation>
        </message>
        <message>
            <source>Full SSN reported</source>
            <translation>SSN completo informado</translation>
        </message>
        <message>
            <source>Full name reported</source>
            <translation>Nombre completo informado</translation>
        </message>
        <message>
            <source>Handed over</source>
            <translation>Entregada en mano</translation>
        </message>
        <message>
            <source>Harm reduction</source>
            <translation>Reducción de daños</translation>
        </message>
        <message>
            <source>Have you engaged in illegal activities in order to obtain drugs?</source>
            <translation>¿Ha participado en actividades ilegales para conseguir drogas?</translation>
        </message>
        <message>
            <source>Have you ever had withdrawal symptoms (felt sick) when you stopped taking drugs?</source>
            <translation>¿Alguna vez ha tenido síntomas de abstinencia (se ha sentido enfermo/a) al dejar de consumir drogas?</translation>
        </message>
        <message>
            <source>Have you had blackouts or flashbacks as a result of drug use?</source>
            <translation>¿Ha tenido lagunas mentales o flashbacks como resultado del consumo de drogas?</translation>
        </message>
        <message>
            <source>Have you had medical problems from drug use (memory loss, hepatitis, bleeding...)?</source>
            <translation>¿Ha tenido problemas médicos por el consumo de drogas (pérdida de memoria, hepatitis, sangrado...)?</translation>
        </message>
        <message>
            <source>Have you neglected your family because of your use of drugs?</source>
            <translation>¿Ha descuidado a su familia por su consumo de drogas?</translation>
        </message>
        <message>
            <source>Have you used drugs other than those required for medical reasons?</source>
            <translation>¿Ha consumido drogas distintas de las requeridas por razones médicas?</translation>
        </message>
        <message>
            <source>Health care</source>
            <translation>Atención médica</translation>
        </message>
        <message>
            <source>Hispanic/Latina/e/o</source>
            <translation>Hispano/Latina/e/o</translation>
        </message>
        <message>
            <source>Hospital</source>
            <translation>Hospital</translation>
        </message>
        <message>
            <source>Hospital or other residential non-psychiatric medical facility</source>
            <translation>Hospital u otro centro médico residencial no psiquiátrico</translation>
        </message>
        <message>
            <source>Host Home (non-crisis)</source>
            <translation>Hogar anfitrión (fuera de crisis)</translation>
        </message>
        <message>
            <source>Hotel or motel paid for without emergency shelter voucher</source>
            <translation>Hotel o motel pagado sin vale de albergue de emergencia</translation>
        </message>
        <message>
            <source>Housing</source>
            <translation>Vivienda</translation>
        </message>
        <message>
            <source>How many standard drinks containing alcohol do you have on a typical day?</source>
            <translation>¿Cuántas bebidas alcohólicas estándar suele tomar en un día típico en que bebe?</translation>
        </message>
        <message>
            <source>How often do you have a drink containing alcohol?</source>
            <translation>¿Con qué frecuencia consume alguna bebida alcohólica?</translation>
        </message>
        <message>
            <source>How often do you have six or more drinks on one occasion?</source>
            <translation>¿Con qué frecuencia toma 6 o más bebidas alcohólicas en una sola ocasión?</translation>
        </message>
        <message>
            <source>Hygiene kit</source>
            <translation>Kit de higiene</translation>
        </message>
        <message>
            <source>ID documents</source>
            <translation>Documentos de identidad</translation>
        </message>
        <message>
            <source>In person</source>
            <translation>En persona</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>En curso</translation>
        </message>
        <message>
            <source>In the wind</source>
            <translation>Paradero desconocido</translation>
        </message>
        <message>
            <source>Inactive</source>
            <translation>Inactivo</translation>
        </message>
        <message>
            <source>Income benefits</source>
            <translation>Ingresos y beneficios</translation>
        </message>
        <message>
            <source>Ineligible</source>
            <translation>No elegible</translation>
        </message>
        <message>
            <source>Insurance health</source>
            <translation>Seguro médico y salud</translation>
        </message>
        <message>
            <source>Intersection</source>
            <translation>Intersección</translation>
        </message>
        <message>
            <source>Jail, prison, or juvenile detention facility</source>
            <translation>Cárcel, prisión o centro de detención juvenil</translation>
        </message>
        <message>
            <source>Landmark</source>
            <translation>Punto de referencia</translation>
        </message>
        <message>
            <source>Legal</source>
            <translation>Asuntos legales</translation>
        </message>
        <message>
            <source>Legal court</source>
            <translation>Asuntos legales y tribunal</translation>
        </message>
        <message>
            <source>Legal proceedings</source>
            <translation>Procedimientos judiciales</translation>
        </message>
        <message>
            <source>Legal status</source>
            <translation>Situación legal</translation>
        </message>
        <message>
            <source>Less than monthly</source>
            <translation>Menos de una vez al mes</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Claro</translation>
        </message>
        <message>
            <source>Little interest or pleasure in doing things</source>
            <translation>Poco interés o placer en hacer cosas</translation>
        </message>
        <message>
            <source>Long-term care facility or nursing home</source>
            <translation>Centro de cuidados a largo plazo o residencia de ancianos</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>Bajo</translation>
        </message>
        <message>
            <source>Mailed</source>
            <translation>Enviada por correo</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>Mantenimiento</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Masculino</translation>
        </message>
        <message>
            <source>Medical</source>
            <translation>Médica</translation>
        </message>
        <message>
            <source>Medication</source>
            <translation>Medicación</translation>
        </message>
        <message>
            <source>Mental health</source>
            <translation>Salud mental</translation>
        </message>
        <message>
            <source>Middle Eastern or North African</source>
            <translation>De Oriente Medio o del Norte de África</translation>
        </message>
        <message>
            <source>Mild</source>
            <translation>Leve</translation>
        </message>
        <message>
            <source>Minimal</source>
            <translation>Mínimo</translation>
        </message>
        <message>
            <source>Moderate</source>
            <translation>Moderado</translation>
        </message>
        <message>
            <source>Moderately severe</source>
            <translation>Moderadamente grave</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>Mensualmente</translation>
        </message>
        <message>
            <source>Monthly or less</source>
            <translation>Una vez al mes o menos</translation>
        </message>
        <message>
            <source>More than half the days</source>
            <translation>Más de la mitad de los días</translation>
        </message>
        <message>
            <source>Moved from one HOPWA funded project to HOPWA TH</source>
            <translation>Se mudó de un proyecto financiado por HOPWA a vivienda de transición (TH) de HOPWA</translation>
        </message>
        <message>
            <source>Moving or speaking very slowly, or being so fidgety you move around a lot more</source>
            <translation>Se ha movido o hablado tan lento que otras personas podrían haberlo notado, o lo contrario: muy inquieto(a) o agitado(a), moviéndose mucho más de lo normal</translation>
        </message>
        <message>
            <source>Naloxone</source>
            <translation>Naloxona</translation>
        </message>
        <message>
            <source>Native Hawaiian or Pacific Islander</source>
            <translation>Nativo de Hawái o de otras islas del Pacífico</translation>
        </message>
        <message>
            <source>Nearly every day</source>
            <translation>Casi todos los días</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Nunca</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Ninguno</translation>
        </message>
        <message>
            <source>Not at all</source>
            <translation>Ningún día</translation>
        </message>
        <message>
            <source>On probation or parole</source>
            <translation>En libertad a prueba o condicional</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Pendiente</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Otro</translation>
        </message>
        <message>
            <source>Outreach</source>
            <translation>Alcance comunitario</translation>
        </message>
        <message>
            <source>Outreach attempt</source>
            <translation>Intento de contacto</translation>
        </message>
        <message>
            <source>Over the last 2 weeks, how often have you been bothered by any of the following?</source>
            <translation>Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?</translation>
        </message>
        <message>
            <source>Owned by client, no ongoing housing subsidy</source>
            <translation>Propiedad del cliente, sin subsidio de vivienda continuo</translation>
        </message>
        <message>
            <source>Owned by client, with ongoing housing subsidy</source>
            <translation>Propiedad del cliente, con subsidio de vivienda continuo</translation>
        </message>
        <message>
            <source>Paper</source>
            <translation>En papel</translation>
        </message>
        <message>
            <source>Partial, street name, or code name reported</source>
            <translation>Nombre parcial, apodo o nombre en clave informado</translation>
        </message>
        <message>
            <source>Participant</source>
            <translation>Participante</translation>
        </message>
        <message>
            <source>Partner</source>
            <translation>Organización asociada</translation>
        </message>
        <message>
            <source>Patient Health Questionnaire (9 items)</source>
            <translation>Cuestionario sobre la Salud del Paciente (9 preguntas)</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Pendiente</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Teléfono</translation>
        </message>
        <message>
            <source>Place not meant for habitation</source>
            <translation>Lugar no destinado a vivienda</translation>
        </message>
        <message>
            <source>Police</source>
            <translation>Policía</translation>
        </message>
        <message>
            <source>Poor appetite or overeating</source>
            <translation>Sin apetito o ha comido en exceso</translation>
        </message>
        <message>
            <source>Possession</source>
            <translation>Posesión</translation>
        </message>
        <message>
            <source>Precontemplation</source>
            <translation>Precontemplación</translation>
        </message>
        <message>
            <source>Preparation</source>
            <translation>Preparación</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progreso</translation>
        </message>
        <message>
            <source>Promotes prostitution</source>
            <translation>Promueve la prostitución</translation>
        </message>
        <message>
            <source>Prostitution</source>
            <translation>Prostitución</translation>
        </message>
        <message>
            <source>Psychiatric hospital or other psychiatric facility</source>
            <translation>Hospital psiquiátrico u otro centro psiquiátrico</translation>
        </message>
        <message>
            <source>Quantity over threshold</source>
            <translation>Cantidad superior al umbral</translation>
        </message>
        <message>
            <source>Release</source>
            <translation>Autorización de divulgación</translation>
        </message>
        <message>
            <source>Rental by client, no ongoing housing subsidy</source>
            <translation>Alquilada por el cliente, sin subsidio de vivienda continuo</translation>
        </message>
        <message>
            <source>Rental by client, with ongoing housing subsidy</source>
            <translation>Alquilada por el cliente, con subsidio de vivienda continuo</translation>
        </message>
        <message>
            <source>Representative</source>
            <translation>Representante</translation>
        </message>
        <message>
            <source>Residential project or halfway house with no homeless criteria</source>
            <translation>Proyecto residencial o casa de transición sin requisito de falta de hogar</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>Revisado</translation>
        </message>
        <message>
            <source>Revocation</source>
            <translation>Revocación</translation>
        </message>
        <message>
            <source>Safe Haven</source>
            <translation>Safe Haven (refugio seguro)</translation>
        </message>
        <message>
            <source>Safety</source>
            <translation>Seguridad</translation>
        </message>
        <message>
            <source>Service plan</source>
            <translation>Plan de servicios</translation>
        </message>
        <message>
            <source>Several days</source>
            <translation>Varios días</translation>
        </message>
        <message>
            <source>Severe</source>
            <translation>Grave</translation>
        </message>
        <message>
            <source>Shelter tonight</source>
            <translation>Albergue esta noche</translation>
        </message>
        <message>
            <source>Social contact</source>
            <translation>Contacto social</translation>
        </message>
        <message>
            <source>Staying or living in a family member's room, apartment, or house</source>
            <translation>Se queda o vive en la habitación, apartamento o casa de un familiar</translation>
        </message>
        <message>
            <source>Staying or living in a friend's room, apartment, or house</source>
            <translation>Se queda o vive en la habitación, apartamento o casa de un amigo</translation>
        </message>
        <message>
            <source>Staying or living with family, temporary tenure</source>
            <translation>Se queda o vive con familiares, de forma temporal</translation>
        </message>
        <message>
            <source>Staying or living with friends, temporary tenure</source>
            <translation>Se queda o vive con amigos, de forma temporal</translation>
        </message>
        <message>
            <source>Street</source>
            <translation>Apodo</translation>
        </message>
        <message>
            <source>Subsistence sale</source>
            <translation>Venta de subsistencia</translation>
        </message>
        <message>
            <source>Substance abuse treatment facility or detox center</source>
            <translation>Centro de tratamiento por consumo de sustancias o de desintoxicación</translation>
        </message>
        <message>
            <source>Substance use</source>
            <translation>Consumo de sustancias</translation>
        </message>
        <message>
            <source>Substantial</source>
            <translation>Sustancial</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <source>System</source>
            <translation>Sistema</translation>
        </message>
        <message>
            <source>TPO</source>
            <translation>TPO (tratamiento, pago y operaciones)</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Mensaje de texto</translation>
        </message>
        <message>
            <source>These questions refer to the past 12 months. Do not count alcohol.</source>
            <translation>Estas preguntas se refieren a los últimos 12 meses. No incluya el alcohol.</translation>
        </message>
        <message>
            <source>Think about the past year.</source>
            <translation>Piense en el último año.</translation>
        </message>
        <message>
            <source>Thoughts that you would be better off dead, or of hurting yourself in some way</source>
            <translation>Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera</translation>
        </message>
        <message>
            <source>Transit</source>
            <translation>Transporte público</translation>
        </message>
        <message>
            <source>Transitional housing for homeless persons</source>
            <translation>Vivienda de transición para personas sin hogar</translation>
        </message>
        <message>
            <source>Transport</source>
            <translation>Transporte</translation>
        </message>
        <message>
            <source>Treatment</source>
            <translation>Tratamiento</translation>
        </message>
        <message>
            <source>Trouble concentrating on things, such as reading or watching television</source>
            <translation>Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico o ver la televisión</translation>
        </message>
        <message>
            <source>Trouble falling or staying asleep, or sleeping too much</source>
            <translation>Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado</translation>
        </message>
        <message>
            <source>Undecided</source>
            <translation>Sin decidir</translation>
        </message>
        <message>
            <source>Under 18</source>
            <translation>Menor de 18 años</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Desconocido</translation>
        </message>
        <message>
            <source>Weekly</source>
            <translation>Semanalmente</translation>
        </message>
        <message>
            <source>White</source>
            <translation>Blanco</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <source>moderately severe</source>
            <translation>moderadamente grave</translation>
        </message>
    </context>
    <context>
        <name>issues</name>
        <message>
            <source>'any purpose' is not a purpose</source>
            <translation>«cualquier propósito» no es un propósito</translation>
        </message>
        <message>
            <source>'entire record' is chosen without a reason</source>
            <translation>se eligió «todo el expediente» sin indicar el motivo</translation>
        </message>
        <message>
            <source>a criminal-justice consent cannot be revoked before the final disposition of the case (42 CFR §2.35)</source>
            <translation>un consentimiento de justicia penal no se puede revocar antes de la resolución final del caso (42 CFR §2.35)</translation>
        </message>
        <message>
            <source>a draft that was never signed can simply be left unsigned</source>
            <translation>un borrador que nunca se firmó puede quedar simplemente sin firmar</translation>
        </message>
        <message>
            <source>a paper signature has no witness</source>
            <translation>una firma en papel no tiene testigo</translation>
        </message>
        <message>
            <source>a point is not [x, y] between 0 and 1</source>
            <translation>un punto no es [x, y] entre 0 y 1</translation>
        </message>
        <message>
            <source>a representative signs but their authority is not recorded</source>
            <translation>firma un representante, pero no se registró su autoridad</translation>
        </message>
        <message>
            <source>a stroke has no points</source>
            <translation>un trazo no tiene puntos</translation>
        </message>
        <message>
            <source>a {kind} consent does not include {label}</source>
            <translation>un consentimiento de tipo {kind} no incluye {label}</translation>
        </message>
        <message>
            <source>a {kind} consent lists other information besides {label}</source>
            <translation>un consentimiento de tipo {kind} incluye otra información además de {label}</translation>
        </message>
        <message>
            <source>a {status} consent is kept and cannot be deleted</source>
            <translation>un consentimiento en estado {status} se conserva y no se puede eliminar</translation>
        </message>
        <message>
            <source>accept or decline</source>
            <translation>acepte o rechace</translation>
        </message>
        <message>
            <source>add the person or organisation that will receive the information</source>
            <translation>agregue la persona u organización que recibirá la información</translation>
        </message>
        <message>
            <source>add them</source>
            <translation>agréguelos</translation>
        </message>
        <message>
            <source>add them one by one</source>
            <translation>agréguelos uno por uno</translation>
        </message>
        <message>
            <source>add words: a short sentence only you would say is long and easy to remember</source>
            <translation>agregue palabras: una oración corta que solo usted diría es larga y fácil de recordar</translation>
        </message>
        <message>
            <source>alias {n} is malformed</source>
            <translation>el alias {n} está mal formado</translation>
        </message>
        <message>
            <source>answer yes, no or unknown</source>
            <translation>responda sí, no o desconocido</translation>
        </message>
        <message>
            <source>answer {value}</source>
            <translation>respuesta {value}</translation>
        </message>
        <message>
            <source>appears twice in the header</source>
            <translation>aparece dos veces en el encabezado</translation>
        </message>
        <message>
            <source>ask the signer to sign in the box</source>
            <translation>pida a la persona que firme dentro del recuadro</translation>
        </message>
        <message>
            <source>attach the scan again</source>
            <translation>adjunte de nuevo el documento escaneado</translation>
        </message>
        <message>
            <source>belongs to another participant</source>
            <translation>pertenece a otro participante</translation>
        </message>
        <message>
            <source>belongs to someone else</source>
            <translation>pertenece a otra persona</translation>
        </message>
        <message>
            <source>cannot be changed here</source>
            <translation>no se puede cambiar aquí</translation>
        </message>
        <message>
            <source>cannot be given together with race categories</source>
            <translation>no se puede indicar junto con categorías de raza</translation>
        </message>
        <message>
            <source>capture the signature on screen, or record that it was signed on paper</source>
            <translation>capture la firma en pantalla o registre que se firmó en papel</translation>
        </message>
        <message>
            <source>check the consent id</source>
            <translation>verifique el identificador del consentimiento</translation>
        </message>
        <message>
            <source>check the date and time</source>
            <translation>verifique la fecha y la hora</translation>
        </message>
        <message>
            <source>check the date it was signed</source>
            <translation>verifique la fecha en que se firmó</translation>
        </message>
        <message>
            <source>check the hand-off time</source>
            <translation>verifique la hora de entrega</translation>
        </message>
        <message>
            <source>check the quoting: a value holding a comma or a line break must be in double quotes</source>
            <translation>revise las comillas: un valor que contiene una coma o un salto de línea debe ir entre comillas dobles</translation>
        </message>
        <message>
            <source>check the year</source>
            <translation>verifique el año</translation>
        </message>
        <message>
            <source>check the year; if the person does not know, record an approximate date or 'client doesn't know'</source>
            <translation>verifique el año; si la persona no lo sabe, registre una fecha aproximada o «el cliente no sabe»</translation>
        </message>
        <message>
            <source>choose 2 (approximate or partial)</source>
            <translation>elija 2 (aproximado o parcial)</translation>
        </message>
        <message>
            <source>choose English (en) or Spanish (es)</source>
            <translation>elija inglés (en) o español (es)</translation>
        </message>
        <message>
            <source>choose English or Spanish</source>
            <translation>elija inglés o español</translation>
        </message>
        <message>
            <source>choose a date within a year</source>
            <translation>elija una fecha dentro de un año</translation>
        </message>
        <message>
            <source>choose a later expiry date</source>
            <translation>elija una fecha de vencimiento posterior</translation>
        </message>
        <message>
            <source>choose accept</source>
            <translation>elija aceptar</translation>
        </message>
        <message>
            <source>choose again</source>
            <translation>elija de nuevo</translation>
        </message>
        <message>
            <source>choose another name</source>
            <translation>elija otro nombre</translation>
        </message>
        <message>
            <source>choose decline</source>
            <translation>elija rechazar</translation>
        </message>
        <message>
            <source>choose from the list</source>
            <translation>elija de la lista</translation>
        </message>
        <message>
            <source>choose one of {options}</source>
            <translation>elija uno de estos: {options}</translation>
        </message>
        <message>
            <source>choose participant or representative</source>
            <translation>elija participante o representante</translation>
        </message>
        <message>
            <source>choose signed on paper</source>
            <translation>elija firmado en papel</translation>
        </message>
        <message>
            <source>choose the kind of consent</source>
            <translation>elija el tipo de consentimiento</translation>
        </message>
        <message>
            <source>choose words that are not a well-known phrase, lyric, verse or key pattern</source>
            <translation>elija palabras que no sean una frase conocida, una letra de canción, un verso ni un patrón de teclas</translation>
        </message>
        <message>
            <source>choose {low} to {high} days</source>
            <translation>elija de {low} a {high} días</translation>
        </message>
        <message>
            <source>choose {low} to {high} minutes</source>
            <translation>elija de {low} a {high} minutos</translation>
        </message>
        <message>
            <source>clear the categories or clear 8/9/99</source>
            <translation>borre las categorías o borre 8/9/99</translation>
        </message>
        <message>
            <source>click the map, pick a place from the list, or type latitude, longitude</source>
            <translation>haga clic en el mapa, elija un lugar de la lista o escriba latitud, longitud</translation>
        </message>
        <message>
            <source>common passphrase</source>
            <translation>frase de contraseña común</translation>
        </message>
        <message>
            <source>contains control characters</source>
            <translation>contiene caracteres de control</translation>
        </message>
        <message>
            <source>contains your name</source>
            <translation>contiene su nombre</translation>
        </message>
        <message>
            <source>contains your own name</source>
            <translation>contiene su propio nombre</translation>
        </message>
        <message>
            <source>create a new consent instead</source>
            <translation>cree un consentimiento nuevo en su lugar</translation>
        </message>
        <message>
            <source>decline the referral (reason: excluded by the screen), or correct the answer</source>
            <translation>rechace la derivación (motivo: excluido por la evaluación) o corrija la respuesta</translation>
        </message>
        <message>
            <source>decline the referral (reason: outside the area), or correct the place</source>
            <translation>rechace la derivación (motivo: fuera del área) o corrija el lugar</translation>
        </message>
        <message>
            <source>decline the referral, or correct the prosecutor's decision</source>
            <translation>rechace la derivación o corrija la decisión de la fiscalía</translation>
        </message>
        <message>
            <source>describe the court or body, the case and the records it needs</source>
            <translation>describa el tribunal u organismo, el caso y los registros que necesita</translation>
        </message>
        <message>
            <source>describe the {name} of the disclosure</source>
            <translation>describa el campo {name} de la divulgación</translation>
        </message>
        <message>
            <source>disclose only to the recipients it names, or get a consent that names them</source>
            <translation>divulgue solo a los destinatarios que nombra, u obtenga un consentimiento que los nombre</translation>
        </message>
        <message>
            <source>do not disclose</source>
            <translation>no divulgue</translation>
        </message>
        <message>
            <source>do not disclose; ask for a new consent</source>
            <translation>no divulgue; solicite un consentimiento nuevo</translation>
        </message>
        <message>
            <source>do not disclose; resolve the flag or ask for a new consent</source>
            <translation>no divulgue; resuelva la marca o solicite un consentimiento nuevo</translation>
        </message>
        <message>
            <source>enter 0 or more</source>
            <translation>ingrese 0 o más</translation>
        </message>
        <message>
            <source>enter 1 or more</source>
            <translation>ingrese 1 o más</translation>
        </message>
        <message>
            <source>enter 9 digits, or the last 4</source>
            <translation>ingrese 9 dígitos, o los últimos 4</translation>
        </message>
        <message>
            <source>enter a whole number of days from {low} to {high} ({usual} is the usual setting)</source>
            <translation>ingrese un número entero de días de {low} a {high} ({usual} es el valor habitual)</translation>
        </message>
        <message>
            <source>enter a whole number of participants, 1 or more</source>
            <translation>ingrese un número entero de participantes, 1 o más</translation>
        </message>
        <message>
            <source>enter both names, or choose 2 (partial, street or code name)</source>
            <translation>ingrese ambos nombres o elija 2 (nombre parcial, de la calle o en clave)</translation>
        </message>
        <message>
            <source>enter the SSN (or its last 4), or choose 8, 9 or 99</source>
            <translation>ingrese el SSN (o sus últimos 4 dígitos) o elija 8, 9 o 99</translation>
        </message>
        <message>
            <source>enter the actual date</source>
            <translation>ingrese la fecha real</translation>
        </message>
        <message>
            <source>enter the date it was revoked</source>
            <translation>ingrese la fecha en que se revocó</translation>
        </message>
        <message>
            <source>enter the date it was signed</source>
            <translation>ingrese la fecha en que se firmó</translation>
        </message>
        <message>
            <source>enter the date of birth on the participant's record; it identifies them on the form</source>
            <translation>ingrese la fecha de nacimiento en el expediente del participante; lo identifica en el formulario</translation>
        </message>
        <message>
            <source>enter the date of birth, or choose 8, 9 or 99</source>
            <translation>ingrese la fecha de nacimiento o elija 8, 9 o 99</translation>
        </message>
        <message>
            <source>enter the day it was signed</source>
            <translation>ingrese el día en que se firmó</translation>
        </message>
        <message>
            <source>enter the day it was signed on paper</source>
            <translation>ingrese el día en que se firmó en papel</translation>
        </message>
        <message>
            <source>enter the first and last name on the participant's record</source>
            <translation>ingrese el nombre y el apellido en el expediente del participante</translation>
        </message>
        <message>
            <source>enter the name of the person who signs</source>
            <translation>ingrese el nombre de la persona que firma</translation>
        </message>
        <message>
            <source>enter the name the person gives, or a street name (name quality 2)</source>
            <translation>ingrese el nombre que da la persona o un nombre de la calle (calidad del nombre 2)</translation>
        </message>
        <message>
            <source>enter the program's name</source>
            <translation>ingrese el nombre del programa</translation>
        </message>
        <message>
            <source>enter the recipient's name</source>
            <translation>ingrese el nombre del destinatario</translation>
        </message>
        <message>
            <source>enter the witness's name</source>
            <translation>ingrese el nombre del testigo</translation>
        </message>
        <message>
            <source>enter the {name}</source>
            <translation>ingrese el dato: {name}</translation>
        </message>
        <message>
            <source>enter who witnessed the signature on paper</source>
            <translation>ingrese quién presenció la firma en papel</translation>
        </message>
        <message>
            <source>export Client.csv from HMIS again, with its header row as line 1</source>
            <translation>exporte de nuevo Client.csv desde HMIS, con la fila de encabezado como línea 1</translation>
        </message>
        <message>
            <source>fill the form</source>
            <translation>complete el formulario</translation>
        </message>
        <message>
            <source>fix it</source>
            <translation>corríjalo</translation>
        </message>
        <message>
            <source>give a login name</source>
            <translation>indique un nombre de usuario</translation>
        </message>
        <message>
            <source>give a whole number, 0 or more</source>
            <translation>indique un número entero, 0 o más</translation>
        </message>
        <message>
            <source>give every row the PersonalID from HMIS</source>
            <translation>ponga en cada fila el PersonalID de HMIS</translation>
        </message>
        <message>
            <source>give them a copy and record how (handed over, mailed, ...)</source>
            <translation>entréguele una copia y registre cómo (en mano, por correo, ...)</translation>
        </message>
        <message>
            <source>good: long and uncommon</source>
            <translation>buena: larga y poco común</translation>
        </message>
        <message>
            <source>has an empty item</source>
            <translation>tiene una pregunta vacía</translation>
        </message>
        <message>
            <source>has no "places" list</source>
            <translation>no tiene una lista "places"</translation>
        </message>
        <message>
            <source>has no name or an impossible position</source>
            <translation>no tiene nombre o tiene una posición imposible</translation>
        </message>
        <message>
            <source>has {count} goals</source>
            <translation>tiene {count} metas</translation>
        </message>
        <message>
            <source>has {count} values but the header has {width}</source>
            <translation>tiene {count} valores, pero el encabezado tiene {width}</translation>
        </message>
        <message>
            <source>have it signed before disclosing anything</source>
            <translation>hágalo firmar antes de divulgar cualquier cosa</translation>
        </message>
        <message>
            <source>how the revocation was made is not recorded</source>
            <translation>no se registró cómo se hizo la revocación</translation>
        </message>
        <message>
            <source>is a repeated character, a repeated pattern or a simple sequence</source>
            <translation>es un carácter repetido, un patrón repetido o una secuencia simple</translation>
        </message>
        <message>
            <source>is a {kind} consent</source>
            <translation>es un consentimiento de tipo {kind}</translation>
        </message>
        <message>
            <source>is answered yes, so the person is not eligible</source>
            <translation>tiene respuesta sí, así que la persona no es elegible</translation>
        </message>
        <message>
            <source>is before the plan date</source>
            <translation>es anterior a la fecha del plan</translation>
        </message>
        <message>
            <source>is before the referral</source>
            <translation>es anterior a la derivación</translation>
        </message>
        <message>
            <source>is before the referral time</source>
            <translation>es anterior a la hora de la derivación</translation>
        </message>
        <message>
            <source>is before {year}</source>
            <translation>es anterior a {year}</translation>
        </message>
        <message>
            <source>is empty</source>
            <translation>está vacío</translation>
        </message>
        <message>
            <source>is in the future</source>
            <translation>está en el futuro</translation>
        </message>
        <message>
            <source>is larger than the program's capacity</source>
            <translation>es mayor que la capacidad del programa</translation>
        </message>
        <message>
            <source>is more than one year after signing</source>
            <translation>es más de un año después de la firma</translation>
        </message>
        <message>
            <source>is not 'accept'</source>
            <translation>no es «aceptar»</translation>
        </message>
        <message>
            <source>is not 'decline'</source>
            <translation>no es «rechazar»</translation>
        </message>
        <message>
            <source>is not a column of the header</source>
            <translation>no es una columna del encabezado</translation>
        </message>
        <message>
            <source>is not a consent field</source>
            <translation>no es un campo del consentimiento</translation>
        </message>
        <message>
            <source>is not a field of this record</source>
            <translation>no es un campo de este registro</translation>
        </message>
        <message>
            <source>is not a participant field</source>
            <translation>no es un campo del participante</translation>
        </message>
        <message>
            <source>is not a recipient named on this consent</source>
            <translation>no es un destinatario nombrado en este consentimiento</translation>
        </message>
        <message>
            <source>is not a social security number</source>
            <translation>no es un número de seguro social</translation>
        </message>
        <message>
            <source>is not after the signing day</source>
            <translation>no es posterior al día de la firma</translation>
        </message>
        <message>
            <source>is not allowed</source>
            <translation>no está permitido</translation>
        </message>
        <message>
            <source>is not answered</source>
            <translation>no tiene respuesta</translation>
        </message>
        <message>
            <source>is not chosen</source>
            <translation>no se eligió</translation>
        </message>
        <message>
            <source>is on the list of common passphrases that attackers try first</source>
            <translation>está en la lista de frases de contraseña comunes que los atacantes prueban primero</translation>
        </message>
        <message>
            <source>is too broad</source>
            <translation>es demasiado amplio</translation>
        </message>
        <message>
            <source>is too long</source>
            <translation>es demasiado largo</translation>
        </message>
        <message>
            <source>is too long ({length} characters)</source>
            <translation>es demasiado larga ({length} caracteres)</translation>
        </message>
        <message>
            <source>is too short ({length} of at least {minimum} characters)</source>
            <translation>es demasiado corta ({length} de al menos {minimum} caracteres)</translation>
        </message>
        <message>
            <source>is {length} characters</source>
            <translation>tiene {length} caracteres</translation>
        </message>
        <message>
            <source>is {length} characters long</source>
            <translation>tiene {length} caracteres</translation>
        </message>
        <message>
            <source>it is not recorded whether recipient {n} is covered by HIPAA</source>
            <translation>no se registró si el destinatario {n} está cubierto por HIPAA</translation>
        </message>
        <message>
            <source>keep one column of that name</source>
            <translation>deje una sola columna con ese nombre</translation>
        </message>
        <message>
            <source>keep one row per person: remove or merge the duplicate</source>
            <translation>deje una fila por persona: quite o combine la duplicada</translation>
        </message>
        <message>
            <source>keep only {label} here and use another consent for the rest</source>
            <translation>deje aquí solo {label} y use otro consentimiento para lo demás</translation>
        </message>
        <message>
            <source>lacks a name, lat or lon</source>
            <translation>le falta el nombre, la latitud o la longitud</translation>
        </message>
        <message>
            <source>leave your name out; others know it</source>
            <translation>no incluya su nombre; otras personas lo conocen</translation>
        </message>
        <message>
            <source>look the person up, then pick 'This is the same person' or 'New person'</source>
            <translation>busque a la persona y luego elija «Es la misma persona» o «Persona nueva»</translation>
        </message>
        <message>
            <source>make it no larger than the program capacity</source>
            <translation>que no sea mayor que la capacidad del programa</translation>
        </message>
        <message>
            <source>must be a list</source>
            <translation>debe ser una lista</translation>
        </message>
        <message>
            <source>must be a list of recipients</source>
            <translation>debe ser una lista de destinatarios</translation>
        </message>
        <message>
            <source>must be a set of answers</source>
            <translation>debe ser un conjunto de respuestas</translation>
        </message>
        <message>
            <source>must be categories and details</source>
            <translation>debe indicar categorías y detalles</translation>
        </message>
        <message>
            <source>must describe categories and text</source>
            <translation>debe describir categorías y texto</translation>
        </message>
        <message>
            <source>name the partner who does this step</source>
            <translation>indique el socio que realiza este paso</translation>
        </message>
        <message>
            <source>name the person or organisation instead</source>
            <translation>nombre a la persona u organización en su lugar</translation>
        </message>
        <message>
            <source>name the program or provider that shares the information</source>
            <translation>nombre el programa o proveedor que comparte la información</translation>
        </message>
        <message>
            <source>name who receives the information</source>
            <translation>indique quién recibe la información</translation>
        </message>
        <message>
            <source>no copy given to the participant is recorded</source>
            <translation>no se registró la entrega de una copia al participante</translation>
        </message>
        <message>
            <source>no name is given</source>
            <translation>no se indicó ningún nombre</translation>
        </message>
        <message>
            <source>no participant is picked</source>
            <translation>no se eligió ningún participante</translation>
        </message>
        <message>
            <source>no place is chosen</source>
            <translation>no se eligió ningún lugar</translation>
        </message>
        <message>
            <source>no recipient is named</source>
            <translation>no se nombró ningún destinatario</translation>
        </message>
        <message>
            <source>nobody is chosen</source>
            <translation>no se eligió a nadie</translation>
        </message>
        <message>
            <source>nobody is named as the one who discloses</source>
            <translation>no se nombró a nadie como quien divulga</translation>
        </message>
        <message>
            <source>nothing more to do</source>
            <translation>no hay nada más que hacer</translation>
        </message>
        <message>
            <source>only AUDIT-C takes an option (sex)</source>
            <translation>solo AUDIT-C admite una opción (sexo)</translation>
        </message>
        <message>
            <source>only a criminal-justice consent has a final disposition</source>
            <translation>solo un consentimiento de justicia penal tiene resolución final</translation>
        </message>
        <message>
            <source>only a draft consent can be signed; create a new consent</source>
            <translation>solo se puede firmar un borrador de consentimiento; cree un consentimiento nuevo</translation>
        </message>
        <message>
            <source>only a signed consent can be revoked</source>
            <translation>solo se puede revocar un consentimiento firmado</translation>
        </message>
        <message>
            <source>participant or representative</source>
            <translation>participante o representante</translation>
        </message>
        <message>
            <source>pick a later date</source>
            <translation>elija una fecha posterior</translation>
        </message>
        <message>
            <source>pick one</source>
            <translation>elija uno</translation>
        </message>
        <message>
            <source>pick the place on the map</source>
            <translation>elija el lugar en el mapa</translation>
        </message>
        <message>
            <source>print it as {document}</source>
            <translation>imprímalo como {document}</translation>
        </message>
        <message>
            <source>put {label} on a consent of their own ({kind}) and remove them here</source>
            <translation>ponga {label} en un consentimiento propio ({kind}) y quítelos de aquí</translation>
        </message>
        <message>
            <source>recipient {n} has no name</source>
            <translation>el destinatario {n} no tiene nombre</translation>
        </message>
        <message>
            <source>recipient {n} is a class of recipients; only a TPO consent may name a class</source>
            <translation>el destinatario {n} es una clase de destinatarios; solo un consentimiento TPO puede nombrar una clase</translation>
        </message>
        <message>
            <source>record it on the criminal-justice consent</source>
            <translation>regístrela en el consentimiento de justicia penal</translation>
        </message>
        <message>
            <source>record it, e.g. 'in writing, handed to the case manager'</source>
            <translation>regístrelo, p. ej. «por escrito, entregado al administrador de casos»</translation>
        </message>
        <message>
            <source>record the expected length of treatment, the kind of proceeding and when its final disposition is expected (42 CFR §2.35(b))</source>
            <translation>registre la duración prevista del tratamiento, el tipo de procedimiento y cuándo se espera su resolución final (42 CFR §2.35(b))</translation>
        </message>
        <message>
            <source>record the final disposition date; revocation is possible from that day</source>
            <translation>registre la fecha de la resolución final; la revocación es posible desde ese día</translation>
        </message>
        <message>
            <source>record the representative's authority</source>
            <translation>registre la autoridad del representante</translation>
        </message>
        <message>
            <source>record their authority, e.g. 'legal guardian, order no. ...'</source>
            <translation>registre su autoridad, p. ej. «tutor legal, orden n.º ...»</translation>
        </message>
        <message>
            <source>record why the person declined</source>
            <translation>registre por qué la persona no aceptó</translation>
        </message>
        <message>
            <source>remove it</source>
            <translation>quítelo</translation>
        </message>
        <message>
            <source>remove the repeat</source>
            <translation>quite la repetición</translation>
        </message>
        <message>
            <source>reopen the record</source>
            <translation>vuelva a abrir el expediente</translation>
        </message>
        <message>
            <source>repeats a question</source>
            <translation>repite una pregunta</translation>
        </message>
        <message>
            <source>repeats the PersonalID of line {first}</source>
            <translation>repite el PersonalID de la línea {first}</translation>
        </message>
        <message>
            <source>revoke it, or flag it as false, instead</source>
            <translation>revóquelo o márquelo como falso en su lugar</translation>
        </message>
        <message>
            <source>say what the disclosure is for, e.g. 'coordinate services'</source>
            <translation>indique para qué es la divulgación, p. ej. «coordinar servicios»</translation>
        </message>
        <message>
            <source>say whether it is a HIPAA covered entity or business associate; this decides the redisclosure statement</source>
            <translation>indique si es una entidad cubierta por HIPAA o un socio comercial; esto decide la declaración sobre nueva divulgación</translation>
        </message>
        <message>
            <source>say why the consent is flagged</source>
            <translation>indique por qué se marcó el consentimiento</translation>
        </message>
        <message>
            <source>say why the information is shared, e.g. 'to coordinate housing services'</source>
            <translation>indique por qué se comparte la información, p. ej. «para coordinar servicios de vivienda»</translation>
        </message>
        <message>
            <source>say why the whole record is needed, or choose specific categories instead</source>
            <translation>indique por qué se necesita todo el expediente o elija categorías específicas en su lugar</translation>
        </message>
        <message>
            <source>says a date of birth was reported but none was entered</source>
            <translation>indica que se informó una fecha de nacimiento, pero no se ingresó ninguna</translation>
        </message>
        <message>
            <source>says an SSN was reported but none was entered</source>
            <translation>indica que se informó un SSN, pero no se ingresó ninguno</translation>
        </message>
        <message>
            <source>says full SSN but only part was entered</source>
            <translation>indica SSN completo, pero solo se ingresó una parte</translation>
        </message>
        <message>
            <source>says full name but first or last name is empty</source>
            <translation>indica nombre completo, pero el nombre o el apellido está vacío</translation>
        </message>
        <message>
            <source>says the person is ineligible</source>
            <translation>indica que la persona no es elegible</translation>
        </message>
        <message>
            <source>scan the form again at a lower resolution, or in black and white</source>
            <translation>escanee el formulario de nuevo con menor resolución, o en blanco y negro</translation>
        </message>
        <message>
            <source>set a later expiry date</source>
            <translation>fije una fecha de vencimiento posterior</translation>
        </message>
        <message>
            <source>set an expiry date on or before {limit}</source>
            <translation>fije una fecha de vencimiento igual o anterior al {limit}</translation>
        </message>
        <message>
            <source>set it on or before {limit}</source>
            <translation>fíjela igual o anterior al {limit}</translation>
        </message>
        <message>
            <source>shorten it to 300 characters</source>
            <translation>acórtelo a 300 caracteres</translation>
        </message>
        <message>
            <source>shorten to {limit}</source>
            <translation>acórtelo a {limit}</translation>
        </message>
        <message>
            <source>sign, revoke or flag the consent instead</source>
            <translation>firme, revoque o marque el consentimiento en su lugar</translation>
        </message>
        <message>
            <source>start with one or two</source>
            <translation>empiece con una o dos</translation>
        </message>
        <message>
            <source>state the specific purpose, or write 'at the request of the patient'</source>
            <translation>indique el propósito específico o escriba «a solicitud del paciente»</translation>
        </message>
        <message>
            <source>the chosen participant is no longer in the store</source>
            <translation>el participante elegido ya no está en el almacén de datos</translation>
        </message>
        <message>
            <source>the event that ends this consent is not stated</source>
            <translation>no se indicó el evento que pone fin a este consentimiento</translation>
        </message>
        <message>
            <source>the expiry date {value} is before {start}</source>
            <translation>la fecha de vencimiento {value} es anterior a {start}</translation>
        </message>
        <message>
            <source>the expiry date {value} is more than {days} days after the final disposition ({start})</source>
            <translation>la fecha de vencimiento {value} es más de {days} días después de la resolución final ({start})</translation>
        </message>
        <message>
            <source>the expiry date {value} is more than {months} months after signing</source>
            <translation>la fecha de vencimiento {value} es más de {months} meses después de la firma</translation>
        </message>
        <message>
            <source>the file is {size} MB; attachments may be at most {most} MB</source>
            <translation>el archivo ocupa {size} MB; los adjuntos pueden ocupar como máximo {most} MB</translation>
        </message>
        <message>
            <source>the form has no {key} statement</source>
            <translation>el formulario no tiene la declaración {key}</translation>
        </message>
        <message>
            <source>the information to share is not described</source>
            <translation>no se describió la información que se compartirá</translation>
        </message>
        <message>
            <source>the name is empty</source>
            <translation>el nombre está vacío</translation>
        </message>
        <message>
            <source>the on-screen signature is empty</source>
            <translation>la firma en pantalla está vacía</translation>
        </message>
        <message>
            <source>the participant's date of birth is missing</source>
            <translation>falta la fecha de nacimiento del participante</translation>
        </message>
        <message>
            <source>the participant's full name is missing</source>
            <translation>falta el nombre completo del participante</translation>
        </message>
        <message>
            <source>the place is outside the LEAD area</source>
            <translation>el lugar está fuera del área de LEAD</translation>
        </message>
        <message>
            <source>the proceeding is not named</source>
            <translation>no se nombró el procedimiento</translation>
        </message>
        <message>
            <source>the purpose is missing</source>
            <translation>falta el propósito</translation>
        </message>
        <message>
            <source>the reasoning for how long this consent lasts is not recorded</source>
            <translation>no se registró la justificación de cuánto dura este consentimiento</translation>
        </message>
        <message>
            <source>the revocation date {value} is before the consent was signed</source>
            <translation>la fecha de revocación {value} es anterior a la firma del consentimiento</translation>
        </message>
        <message>
            <source>the revocation date {value} is in the future</source>
            <translation>la fecha de revocación {value} está en el futuro</translation>
        </message>
        <message>
            <source>the revocation date {value} is not a date</source>
            <translation>la fecha de revocación {value} no es una fecha</translation>
        </message>
        <message>
            <source>the revocation date {value} is {why}</source>
            <translation>la fecha de revocación {value} no es válida: {why}</translation>
        </message>
        <message>
            <source>the scanned form was not found</source>
            <translation>no se encontró el formulario escaneado</translation>
        </message>
        <message>
            <source>the signature date is missing</source>
            <translation>falta la fecha de la firma</translation>
        </message>
        <message>
            <source>the signature date {value} is before the referral ({start})</source>
            <translation>la fecha de la firma {value} es anterior a la derivación ({start})</translation>
        </message>
        <message>
            <source>the signature date {value} is in the future</source>
            <translation>la fecha de la firma {value} está en el futuro</translation>
        </message>
        <message>
            <source>the signature is a single dot</source>
            <translation>la firma es un solo punto</translation>
        </message>
        <message>
            <source>the signer is not named</source>
            <translation>no se nombró a quien firma</translation>
        </message>
        <message>
            <source>there are no strokes</source>
            <translation>no hay trazos</translation>
        </message>
        <message>
            <source>there is no expiry date</source>
            <translation>no hay fecha de vencimiento</translation>
        </message>
        <message>
            <source>there is no form in {value}</source>
            <translation>no hay formulario en {value}</translation>
        </message>
        <message>
            <source>there is no signature</source>
            <translation>no hay firma</translation>
        </message>
        <message>
            <source>this consent expired on {value}</source>
            <translation>este consentimiento venció el {value}</translation>
        </message>
        <message>
            <source>this consent is flagged as false or invalid</source>
            <translation>este consentimiento está marcado como falso o no válido</translation>
        </message>
        <message>
            <source>this consent is not signed</source>
            <translation>este consentimiento no está firmado</translation>
        </message>
        <message>
            <source>this consent is {status}</source>
            <translation>este consentimiento está en estado {status}</translation>
        </message>
        <message>
            <source>this consent is {status} and cannot be edited</source>
            <translation>este consentimiento está en estado {status} y no se puede editar</translation>
        </message>
        <message>
            <source>this consent was already revoked on {value}</source>
            <translation>este consentimiento ya se revocó el {value}</translation>
        </message>
        <message>
            <source>this consent was deleted</source>
            <translation>este consentimiento se eliminó</translation>
        </message>
        <message>
            <source>this consent was revoked on {value}</source>
            <translation>este consentimiento se revocó el {value}</translation>
        </message>
        <message>
            <source>tick the categories</source>
            <translation>marque las categorías</translation>
        </message>
        <message>
            <source>tick the categories of information and describe them specifically</source>
            <translation>marque las categorías de información y descríbalas de forma específica</translation>
        </message>
        <message>
            <source>tick the categories offered</source>
            <translation>marque las categorías ofrecidas</translation>
        </message>
        <message>
            <source>tick the services given</source>
            <translation>marque los servicios prestados</translation>
        </message>
        <message>
            <source>tick {label}, or choose the consent type that fits</source>
            <translation>marque {label} o elija el tipo de consentimiento que corresponda</translation>
        </message>
        <message>
            <source>too long: {length} of at most {maximum} characters</source>
            <translation>demasiado larga: {length} de un máximo de {maximum} caracteres</translation>
        </message>
        <message>
            <source>too short: {length} of {minimum} characters</source>
            <translation>demasiado corta: {length} de {minimum} caracteres</translation>
        </message>
        <message>
            <source>too simple: repeated characters or a sequence</source>
            <translation>demasiado simple: caracteres repetidos o una secuencia</translation>
        </message>
        <message>
            <source>type it again</source>
            <translation>escríbalo de nuevo</translation>
        </message>
        <message>
            <source>type latitude then longitude, e.g. 39.2915, -76.6214</source>
            <translation>escriba la latitud y luego la longitud, p. ej. 39.2915, -76.6214</translation>
        </message>
        <message>
            <source>type the name the person is known by</source>
            <translation>escriba el nombre con el que se conoce a la persona</translation>
        </message>
        <message>
            <source>type the text again</source>
            <translation>escriba el texto de nuevo</translation>
        </message>
        <message>
            <source>unknown categories {bad}</source>
            <translation>categorías desconocidas {bad}</translation>
        </message>
        <message>
            <source>unknown categories {unknown}</source>
            <translation>categorías desconocidas {unknown}</translation>
        </message>
        <message>
            <source>use YYYY-MM-DD, e.g. 1980-03-05</source>
            <translation>use AAAA-MM-DD, p. ej. 1980-03-05</translation>
        </message>
        <message>
            <source>use a form version that has it (ask the program's counsel)</source>
            <translation>use una versión del formulario que la tenga (consulte al asesor legal del programa)</translation>
        </message>
        <message>
            <source>use alias or street</source>
            <translation>use alias o calle</translation>
        </message>
        <message>
            <source>use at most {maximum} characters</source>
            <translation>use como máximo {maximum} caracteres</translation>
        </message>
        <message>
            <source>use e.g. 1980-03-05 or 3/5/1980</source>
            <translation>use p. ej. 1980-03-05 o 3/5/1980</translation>
        </message>
        <message>
            <source>use e.g. 2026-03-05</source>
            <translation>use p. ej. 2026-03-05</translation>
        </message>
        <message>
            <source>use e.g. 2027-03-05</source>
            <translation>use p. ej. 2027-03-05</translation>
        </message>
        <message>
            <source>use e.g. {example}</source>
            <translation>use p. ej. {example}</translation>
        </message>
        <message>
            <source>use one of {options}</source>
            <translation>use uno de estos: {options}</translation>
        </message>
        <message>
            <source>use several unrelated words instead</source>
            <translation>use en su lugar varias palabras sin relación entre sí</translation>
        </message>
        <message>
            <source>use the form's fields</source>
            <translation>use los campos del formulario</translation>
        </message>
        <message>
            <source>use the format of the shipped file</source>
            <translation>use el formato del archivo incluido</translation>
        </message>
        <message>
            <source>use yes</source>
            <translation>use sí</translation>
        </message>
        <message>
            <source>use {allowed}</source>
            <translation>use {allowed}</translation>
        </message>
        <message>
            <source>use {options}</source>
            <translation>use {options}</translation>
        </message>
        <message>
            <source>write 1 if the person gave this answer, 0 (or nothing) if not</source>
            <translation>escriba 1 si la persona dio esta respuesta, 0 (o nada) si no</translation>
        </message>
        <message>
            <source>write e.g. '{days} days after the final disposition of case number ...'</source>
            <translation>escriba p. ej. «{days} días después de la resolución final del caso número ...»</translation>
        </message>
        <message>
            <source>write each question or remove it</source>
            <translation>escriba cada pregunta o quítela</translation>
        </message>
        <message>
            <source>write it as YYYY-MM-DD (e.g. 1980-03-05) or M/D/YYYY</source>
            <translation>escríbala como AAAA-MM-DD (p. ej. 1980-03-05) o M/D/AAAA</translation>
        </message>
        <message>
            <source>{date} is before 1900</source>
            <translation>{date} es anterior a 1900</translation>
        </message>
        <message>
            <source>{date} is in the future</source>
            <translation>{date} está en el futuro</translation>
        </message>
        <message>
            <source>{label} are combined with other information</source>
            <translation>{label} se combinan con otra información</translation>
        </message>
        <message>
            <source>{value} already exists</source>
            <translation>{value} ya existe</translation>
        </message>
        <message>
            <source>{value} days is out of range</source>
            <translation>{value} días está fuera del rango</translation>
        </message>
        <message>
            <source>{value} is not 0 or 1</source>
            <translation>{value} no es 0 ni 1</translation>
        </message>
        <message>
            <source>{value} is not a category of information</source>
            <translation>{value} no es una categoría de información</translation>
        </message>
        <message>
            <source>{value} is not a count of participants</source>
            <translation>{value} no es una cantidad de participantes</translation>
        </message>
        <message>
            <source>{value} is not a date</source>
            <translation>{value} no es una fecha</translation>
        </message>
        <message>
            <source>{value} is not a date-time</source>
            <translation>{value} no es una fecha y hora</translation>
        </message>
        <message>
            <source>{value} is not a document kind</source>
            <translation>{value} no es un tipo de documento</translation>
        </message>
        <message>
            <source>{value} is not a number</source>
            <translation>{value} no es un número</translation>
        </message>
        <message>
            <source>{value} is not a position</source>
            <translation>{value} no es una posición</translation>
        </message>
        <message>
            <source>{value} is not a positive whole number</source>
            <translation>{value} no es un número entero positivo</translation>
        </message>
        <message>
            <source>{value} is not a role</source>
            <translation>{value} no es un rol</translation>
        </message>
        <message>
            <source>{value} is not a signer role</source>
            <translation>{value} no es un rol de firmante</translation>
        </message>
        <message>
            <source>{value} is not a type of consent</source>
            <translation>{value} no es un tipo de consentimiento</translation>
        </message>
        <message>
            <source>{value} is not a whole number</source>
            <translation>{value} no es un número entero</translation>
        </message>
        <message>
            <source>{value} is not allowed</source>
            <translation>{value} no está permitido</translation>
        </message>
        <message>
            <source>{value} is not an allowed answer</source>
            <translation>{value} no es una respuesta permitida</translation>
        </message>
        <message>
            <source>{value} is not an allowed number of days</source>
            <translation>{value} no es una cantidad de días permitida</translation>
        </message>
        <message>
            <source>{value} is not an answer</source>
            <translation>{value} no es una respuesta</translation>
        </message>
        <message>
            <source>{value} is not offered</source>
            <translation>{value} no se ofrece</translation>
        </message>
        <message>
            <source>{value} is unknown</source>
            <translation>{value} es desconocido</translation>
        </message>
        <message>
            <source>{value} minutes is out of range</source>
            <translation>{value} minutos está fuera del rango</translation>
        </message>
    </context>
</TS>