<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutText</name>
    <message>
        <source>About Sales Trainer</source>
        <translation>Über Sales Trainer</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Sales Trainer {version}</source>
        <translation>Sales Trainer {version}</translation>
    </message>
    <message>
        <source>Spaced-repetition cards for sales teams. Works offline; your progress stays on this computer.</source>
        <translation>Lernkarten mit verteilter Wiederholung für Vertriebsteams. Funktioniert offline; dein Fortschritt bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>Scheduling uses the FSRS algorithm (py-fsrs).</source>
        <translation>Die Wiederholungen plant der FSRS-Algorithmus (py-fsrs).</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>(File &gt; Restore from backup):</source>
        <translation>(Datei &gt; Aus Sicherung wiederherstellen):</translation>
    </message>
    <message>
        <source>Built-in decks paraphrase and credit:</source>
        <translation>Quellen der mitgelieferten Stapel (sinngemäß wiedergegeben):</translation>
    </message>
</context>
<context>
    <name>AnkiNotesText</name>
    <message numerus="yes">
        <source>%n sound(s) named on cards but not in the package, left out: {names}</source>
        <translation>
            <numerusform>%n Sounddatei wird auf Karten genannt, fehlt aber im Paket und wurde weggelassen: {names}</numerusform>
            <numerusform>%n Sounddateien werden auf Karten genannt, fehlen aber im Paket und wurden weggelassen: {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sound(s) named on cards left out (a text file carries no sound files): {names}</source>
        <translation>
            <numerusform>%n auf Karten genannte Sounddatei wurde weggelassen (eine Textdatei enthält keine Sounddateien): {names}</numerusform>
            <numerusform>%n auf Karten genannte Sounddateien wurden weggelassen (eine Textdatei enthält keine Sounddateien): {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>LaTeX ([latex], [$]) is shown as its source text on %n card(s): {cards}</source>
        <translation>
            <numerusform>LaTeX ([latex], [$]) wird auf %n Karte als Quelltext angezeigt: {cards}</numerusform>
            <numerusform>LaTeX ([latex], [$]) wird auf %n Karten als Quelltext angezeigt: {cards}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MathJax that could not be drawn is shown as its source text on %n card(s): {cards}</source>
        <translation>
            <numerusform>MathJax, das sich nicht zeichnen ließ, wird auf %n Karte als Quelltext angezeigt: {cards}</numerusform>
            <numerusform>MathJax, das sich nicht zeichnen ließ, wird auf %n Karten als Quelltext angezeigt: {cards}</numerusform>
        </translation>
    </message>
    <message>
        <source>picture(s) not in the package, removed from the cards: {names}</source>
        <translation>Bilder, die im Paket fehlen, wurden von den Karten entfernt: {names}</translation>
    </message>
    <message>
        <source>picture(s) left out of the cards (a text file carries no pictures): {names}</source>
        <translation>Bilder wurden von den Karten weggelassen (eine Textdatei enthält keine Bilder): {names}</translation>
    </message>
    <message>
        <source>media name(s) refused as unsafe, removed from the cards: {names}</source>
        <translation>Unsichere Mediennamen abgelehnt und von den Karten entfernt: {names}</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>cloze {number} is no longer in the note</source>
        <translation>Lücke {number} steht nicht mehr in der Notiz</translation>
    </message>
    <message>
        <source>nothing on its front</source>
        <translation>nichts auf der Vorderseite</translation>
    </message>
    <message>
        <source>nothing on its back</source>
        <translation>nichts auf der Rückseite</translation>
    </message>
    <message>
        <source>image occlusion: the note has no picture</source>
        <translation>Bildverdeckung: Die Notiz hat kein Bild</translation>
    </message>
    <message>
        <source>image occlusion: its picture '{name}' is not in the package</source>
        <translation>Bildverdeckung: Ihr Bild „{name}“ fehlt im Paket</translation>
    </message>
    <message>
        <source>image occlusion: its picture '{name}' is not a PNG, JPEG, GIF or WebP picture</source>
        <translation>Bildverdeckung: Ihr Bild „{name}“ ist kein PNG-, JPEG-, GIF- oder WebP-Bild</translation>
    </message>
    <message>
        <source>image occlusion: the pictures drawn for this file would pass {size} MB</source>
        <translation>Bildverdeckung: Die für diese Datei gezeichneten Bilder würden {size} MB überschreiten</translation>
    </message>
</context>
<context>
    <name>AnkiTemplateText</name>
    <message>
        <source>its template nests sections too deeply</source>
        <translation>Ihre Vorlage verschachtelt Abschnitte zu tief</translation>
    </message>
    <message>
        <source>its template closes {tag} where no such section is open</source>
        <translation>Ihre Vorlage schließt {tag}, obwohl kein solcher Abschnitt offen ist</translation>
    </message>
    <message>
        <source>its template opens {tag} and never closes it</source>
        <translation>Ihre Vorlage öffnet {tag} und schließt es nie</translation>
    </message>
    <message>
        <source>its template shows {tag}, but the note type has no field '{name}'</source>
        <translation>Ihre Vorlage zeigt {tag}, aber der Notiztyp hat kein Feld „{name}“</translation>
    </message>
    <message>
        <source>its template has a section {tag}, but the note type has no field '{name}'</source>
        <translation>Ihre Vorlage hat einen Abschnitt {tag}, aber der Notiztyp hat kein Feld „{name}“</translation>
    </message>
</context>
<context>
    <name>AnkiText</name>
    <message numerus="yes">
        <source>%n card(s) skipped: {reason}</source>
        <translation>
            <numerusform>%n Karte übersprungen: {reason}</numerusform>
            <numerusform>%n Karten übersprungen: {reason}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnswerWidgetsText</name>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Option {number}: {text}</source>
        <translation>Option {number}: {text}</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Wahr</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Falsch</translation>
    </message>
    <message>
        <source>✓ right</source>
        <translation>✓ richtig</translation>
    </message>
    <message>
        <source>✗ the answer: {answer}</source>
        <translation>✗ richtig wäre: {answer}</translation>
    </message>
    <message>
        <source>Steps, in the order you put them</source>
        <translation>Schritte in der Reihenfolge, die du gewählt hast</translation>
    </message>
    <message>
        <source>▲ Move up</source>
        <translation>▲ Nach oben</translation>
    </message>
    <message>
        <source>▼ Move down</source>
        <translation>▼ Nach unten</translation>
    </message>
    <message>
        <source>Select a step and move it with the buttons, with Ctrl+Up / Ctrl+Down, or by dragging it.</source>
        <translation>Wähle einen Schritt und verschiebe ihn mit den Schaltflächen, mit Strg+↑ / Strg+↓ oder per Ziehen.</translation>
    </message>
    <message>
        <source>→ belongs at {place}</source>
        <translation>→ gehört an Stelle {place}</translation>
    </message>
    <message>
        <source>Type your answer</source>
        <translation>Gib deine Antwort ein</translation>
    </message>
    <message>
        <source>Type, then Ctrl+{low} / Ctrl+{medium} / Ctrl+{high} for how sure, and Enter.</source>
        <translation>Tippe die Antwort, dann Strg+{low} / Strg+{medium} / Strg+{high} für deine Sicherheit und Enter.</translation>
    </message>
    <message>
        <source>Accepted: {answers}</source>
        <translation>Akzeptierte Antworten: {answers}</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>Zahl eingeben</translation>
    </message>
    <message>
        <source>Your answer, a number</source>
        <translation>Deine Antwort, eine Zahl</translation>
    </message>
    <message>
        <source>Type a number, such as {example}.</source>
        <translation>Gib eine Zahl ein, zum Beispiel {example}.</translation>
    </message>
    <message>
        <source>any number</source>
        <translation>jede Zahl</translation>
    </message>
    <message>
        <source>{number} ± {margin}</source>
        <translation>{number} ± {margin}</translation>
    </message>
</context>
<context>
    <name>AssessmentServiceText</name>
    <message>
        <source>No statements about {title} were answered.</source>
        <translation>Zu {title} hast du keine Aussage beantwortet.</translation>
    </message>
    <message numerus="yes">
        <source>You rate yourself {score} on {title}; answer at least %n quiz question(s) on this topic to compare it with how you actually do.</source>
        <translation>
            <numerusform>Bei {title} schätzt du dich auf {score} ein. Beantworte mindestens %n Quizfrage zu diesem Thema, dann siehst du, wie du tatsächlich abschneidest.</numerusform>
            <numerusform>Bei {title} schätzt du dich auf {score} ein. Beantworte mindestens %n Quizfragen zu diesem Thema, dann siehst du, wie du tatsächlich abschneidest.</numerusform>
        </translation>
    </message>
    <message>
        <source>You rate yourself {score} on {title}; your quiz accuracy there is {accuracy}%.</source>
        <translation>Bei {title} schätzt du dich auf {score} ein; im Quiz beantwortest du dort {accuracy}% richtig.</translation>
    </message>
</context>
<context>
    <name>AssessmentViewText</name>
    <message>
        <source>Picked up where you left off: your earlier answers are kept.</source>
        <translation>Dort fortgesetzt, wo Sie aufgehört haben: Ihre früheren Antworten bleiben erhalten.</translation>
    </message>
    <message>
        <source>1-5: answer · Backspace: previous statement · Esc: leave</source>
        <translation>1-5: antworten · Rücktaste: vorige Aussage · Esc: beenden</translation>
    </message>
    <message>
        <source>Back to decks  (Esc)</source>
        <translation>Zurück zu den Stapeln  (Esc)</translation>
    </message>
    <message>
        <source>Self-check statement</source>
        <translation>Aussage im Selbsttest</translation>
    </message>
    <message>
        <source>Statement {number} of {total}</source>
        <translation>Aussage {number} von {total}</translation>
    </message>
    <message>
        <source>Your results</source>
        <translation>Deine Ergebnisse</translation>
    </message>
    <message>
        <source>no answers</source>
        <translation>keine Antworten</translation>
    </message>
    <message>
        <source>First time: take it again later to see your progress.</source>
        <translation>Dein erster Durchgang. Mach den Test später noch einmal, dann siehst du deinen Fortschritt.</translation>
    </message>
    <message>
        <source>{arrow} {change} since last time ({previous}).</source>
        <translation>{arrow} {change} seit dem letzten Mal ({previous}).</translation>
    </message>
    <message>
        <source>Strongly disagree</source>
        <translation>Stimme gar nicht zu</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>Stimme eher nicht zu</translation>
    </message>
    <message>
        <source>Neither agree nor disagree</source>
        <translation>Weder noch</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Stimme eher zu</translation>
    </message>
    <message>
        <source>Strongly agree</source>
        <translation>Stimme voll zu</translation>
    </message>
</context>
<context>
    <name>AudioText</name>
    <message>
        <source>Sound cannot be played: miniaudio is missing.</source>
        <translation>Ton kann nicht abgespielt werden: miniaudio fehlt.</translation>
    </message>
    <message>
        <source>Cannot play {name}: the file is missing or not a sound it can read.</source>
        <translation>{name} lässt sich nicht abspielen: Die Datei fehlt oder ist kein lesbarer Ton.</translation>
    </message>
    <message>
        <source>No sound device to play on ({problem}).</source>
        <translation>Kein Audiogerät zum Abspielen ({problem}).</translation>
    </message>
</context>
<context>
    <name>BackupDialogText</name>
    <message>
        <source>closing the window</source>
        <translation>beim Schließen des Fensters</translation>
    </message>
    <message>
        <source>while studying</source>
        <translation>während des Lernens</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>von Hand erstellt</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>vor einem Import</translation>
    </message>
    <message>
        <source>before a deck update</source>
        <translation>vor einem Stapel-Update</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>vor einer Wiederherstellung</translation>
    </message>
    <message>
        <source>before a repair</source>
        <translation>vor einer Reparatur</translation>
    </message>
    <message>
        <source>damaged file kept</source>
        <translation>beschädigte Datei aufbewahrt</translation>
    </message>
    <message>
        <source>before an app update</source>
        <translation>vor einem App-Update</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Backups are made when you close the window after studying, every half hour while you study, and before imports, deck updates, restores and repairs. The last two days are all kept, then one a day, one a week and one a month; one made before an event is kept 30 days, and one you made is never deleted.</source>
        <translation>Sicherungen entstehen, wenn du das Fenster nach dem Lernen schließt, alle halbe Stunde während des Lernens und vor Importen, Stapel-Updates, Wiederherstellungen und Reparaturen. Die letzten zwei Tage bleiben vollständig erhalten, danach je eine pro Tag, pro Woche und pro Monat. Eine Sicherung vor einem solchen Ereignis bleibt 30 Tage, eine von dir erstellte wird nie gelöscht.</translation>
    </message>
    <message>
        <source>They are in {folder}.</source>
        <translation>Sie liegen in {folder}.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Decks</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>Diese Sicherung &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>There is no backup to restore yet.</source>
        <translation>Es gibt noch keine Sicherung, die du wiederherstellen kannst.</translation>
    </message>
    <message>
        <source>it is damaged</source>
        <translation>sie ist beschädigt</translation>
    </message>
    <message>
        <source>This backup cannot be restored: {problem}.</source>
        <translation>Diese Sicherung lässt sich nicht wiederherstellen: {problem}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <source>{when}: %Ln answer(s); decks: {decks}.</source>
        <translation>
            <numerusform>{when}: %Ln Antwort; Stapel: {decks}.</numerusform>
            <numerusform>{when}: %Ln Antworten; Stapel: {decks}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoring it:</source>
        <translation>Wenn du sie wiederherstellst:</translation>
    </message>
</context>
<context>
    <name>BackupServiceText</name>
    <message>
        <source>no backup called '{name}' in {folder}; 'trainer backup list' shows them</source>
        <translation>keine Sicherung namens „{name}“ in {folder}; „trainer backup list“ zeigt alle an</translation>
    </message>
    <message>
        <source>The profile now cannot be read, so this backup replaces it entirely; the damaged file is kept in the backups folder.</source>
        <translation>Das Profil ist gerade nicht lesbar, daher ersetzt diese Sicherung es ganz. Die beschädigte Datei bleibt im Sicherungsordner erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) given since this backup would be taken back (the last on {when}).</source>
        <translation>
            <numerusform>%Ln Antwort seit dieser Sicherung würde rückgängig gemacht (die letzte am {when}).</numerusform>
            <numerusform>%Ln Antworten seit dieser Sicherung würden rückgängig gemacht (die letzte am {when}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) given since this backup would be taken back.</source>
        <translation>
            <numerusform>%Ln Antwort seit dieser Sicherung würde rückgängig gemacht.</numerusform>
            <numerusform>%Ln Antworten seit dieser Sicherung würden rückgängig gemacht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) missing now would come back.</source>
        <translation>
            <numerusform>%Ln Antwort, die jetzt fehlt, käme zurück.</numerusform>
            <numerusform>%Ln Antworten, die jetzt fehlen, kämen zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>The number of answers stays the same.</source>
        <translation>Die Zahl der Antworten bleibt gleich.</translation>
    </message>
    <message>
        <source>Deck '{deck}' was added since and would be removed.</source>
        <translation>Der Stapel „{deck}“ ist seitdem dazugekommen und würde entfernt.</translation>
    </message>
    <message>
        <source>Deck '{deck}' would go back from version {now} to {then}.</source>
        <translation>Der Stapel „{deck}“ ginge von Version {now} auf Version {then} zurück.</translation>
    </message>
    <message>
        <source>Deck '{deck}' would come back.</source>
        <translation>Der Stapel „{deck}“ käme zurück.</translation>
    </message>
    <message>
        <source>What is there now is backed up first, so this can be undone.</source>
        <translation>Der jetzige Stand wird vorher gesichert, du kannst das also rückgängig machen.</translation>
    </message>
    <message>
        <source>{path}: this backup cannot be restored: {problem}</source>
        <translation>{path}: Diese Sicherung lässt sich nicht wiederherstellen: {problem}</translation>
    </message>
</context>
<context>
    <name>BackupsText</name>
    <message>
        <source>made by a newer version of the app</source>
        <translation>mit einer neueren Version der App erstellt</translation>
    </message>
    <message>
        <source>cannot be read ({detail})</source>
        <translation>nicht lesbar ({detail})</translation>
    </message>
    <message>
        <source>its list of decks is damaged</source>
        <translation>ihre Stapelliste ist beschädigt</translation>
    </message>
    <message>
        <source>it was made by a newer version of the app</source>
        <translation>sie wurde mit einer neueren Version der App erstellt</translation>
    </message>
    <message>
        <source>it holds no profile</source>
        <translation>sie enthält kein Profil</translation>
    </message>
    <message>
        <source>it cannot be read ({detail})</source>
        <translation>sie ist nicht lesbar ({detail})</translation>
    </message>
    <message>
        <source>it is damaged ({detail})</source>
        <translation>sie ist beschädigt ({detail})</translation>
    </message>
</context>
<context>
    <name>BrowsePartsText</name>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Throw away what you typed on this card?</source>
        <translation>Das Geschriebene auf dieser Karte verwerfen?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Keep writing</source>
        <translation>&amp;Weiterschreiben</translation>
    </message>
    <message>
        <source>No flag</source>
        <translation>Unmarkiert</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>red flag</source>
        <translation>rot markiert</translation>
    </message>
    <message>
        <source>orange flag</source>
        <translation>orange markiert</translation>
    </message>
    <message>
        <source>green flag</source>
        <translation>grün markiert</translation>
    </message>
    <message>
        <source>blue flag</source>
        <translation>blau markiert</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>learning</source>
        <translation>Lernphase</translation>
    </message>
    <message>
        <source>review</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>relearning</source>
        <translation>erneutes Lernen</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>ausgesetzt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln Antwort</numerusform>
            <numerusform>%Ln Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lapse(s)</source>
        <translation>
            <numerusform>%Ln-mal vergessen</numerusform>
            <numerusform>%Ln-mal vergessen</numerusform>
        </translation>
    </message>
    <message>
        <source>stability {days} days</source>
        <translation>Stabilität {days} Tage</translation>
    </message>
    <message>
        <source>difficulty {value} of 10</source>
        <translation>Schwierigkeit {value} von 10</translation>
    </message>
    <message>
        <source>next due {when}</source>
        <translation>nächste Fälligkeit {when}</translation>
    </message>
    <message>
        <source>recall now {percent}%</source>
        <translation>Abrufwahrscheinlichkeit jetzt {percent} %</translation>
    </message>
    <message>
        <source>{when}: {rating} ({seconds} s)</source>
        <translation>{when}: {rating} ({seconds} s)</translation>
    </message>
    <message>
        <source>Never answered.</source>
        <translation>Noch nie beantwortet.</translation>
    </message>
    <message numerus="yes">
        <source>Answers: {answers}; and %Ln earlier</source>
        <translation>
            <numerusform>Antworten: {answers}; und %Ln frühere</numerusform>
            <numerusform>Antworten: {answers}; und %Ln frühere</numerusform>
        </translation>
    </message>
    <message>
        <source>Answers: {answers}</source>
        <translation>Antworten: {answers}</translation>
    </message>
    <message>
        <source>Your card</source>
        <translation>Deine Karte</translation>
    </message>
    <message>
        <source>A card of your own</source>
        <translation>Eigene Karte</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>Vorderseite</translation>
    </message>
    <message>
        <source>What you hear or are asked, e.g. a buyer's objection</source>
        <translation>Was du hörst oder gefragt wirst, z. B. ein Einwand des Kunden</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Rückseite</translation>
    </message>
    <message>
        <source>What you do or say</source>
        <translation>Was du tust oder sagst</translation>
    </message>
    <message>
        <source>&amp;Front</source>
        <translation>&amp;Vorderseite</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Rückseite</translation>
    </message>
    <message>
        <source>{keys} saves.</source>
        <translation>{keys} speichert.</translation>
    </message>
    <message>
        <source>Your note on this item</source>
        <translation>Deine Notiz zu diesem Element</translation>
    </message>
    <message>
        <source>Your note on this item (kept through deck updates)</source>
        <translation>Deine Notiz zu diesem Element (bleibt bei Stapel-Updates erhalten)</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Aussetzen</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Reset to new</source>
        <translation>Als neu lernen</translation>
    </message>
    <message>
        <source>Learn it again from the start; its answers stay in the history.</source>
        <translation>Von vorn lernen; die bisherigen Antworten bleiben im Verlauf.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Nothing selected.</source>
        <translation>Nichts ausgewählt.</translation>
    </message>
    <message>
        <source>Unsuspend</source>
        <translation>Reaktivieren</translation>
    </message>
</context>
<context>
    <name>BrowseServiceText</name>
    <message>
        <source>A note is at most {limit} characters</source>
        <translation>Eine Notiz hat höchstens {limit} Zeichen</translation>
    </message>
    <message>
        <source>Only your own cards can be edited here; a deck's cards change when its trainer sends a new version</source>
        <translation>Hier kannst du nur deine eigenen Karten bearbeiten; die Karten eines Stapels ändern sich, wenn sein Trainer eine neue Version schickt</translation>
    </message>
    <message>
        <source>Only your own cards can be deleted; suspend a deck's card to keep it out of study</source>
        <translation>Du kannst nur deine eigenen Karten löschen; setze die Karte eines Stapels aus, wenn sie nicht mehr drankommen soll</translation>
    </message>
    <message>
        <source>A card needs a front and a back</source>
        <translation>Eine Karte braucht eine Vorder- und eine Rückseite</translation>
    </message>
    <message>
        <source>A side of a card is at most {limit} characters</source>
        <translation>Eine Kartenseite hat höchstens {limit} Zeichen</translation>
    </message>
</context>
<context>
    <name>BrowserViewText</name>
    <message>
        <source>Any state</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>Lernphase</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Ausgesetzt</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Leech</source>
        <translation>Problemkarten</translation>
    </message>
    <message>
        <source>Sort: position</source>
        <translation>Sortierung: Position</translation>
    </message>
    <message>
        <source>Sort: due</source>
        <translation>Sortierung: Fälligkeit</translation>
    </message>
    <message>
        <source>Sort: lapses</source>
        <translation>Sortierung: Vergessen</translation>
    </message>
    <message>
        <source>Sort: last answer</source>
        <translation>Sortierung: letzte Antwort</translation>
    </message>
    <message>
        <source>Search every card, question and practice item</source>
        <translation>Alle Karten, Fragen und Übungen durchsuchen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Deck</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <source>Items found</source>
        <translation>Gefundene Elemente</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>Vorderseite</translation>
    </message>
    <message>
        <source>Lapses</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>New card of my own</source>
        <translation>Neue eigene Karte</translation>
    </message>
    <message>
        <source>Back to decks</source>
        <translation>Zurück zu den Stapeln</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Durchsuchen</translation>
    </message>
    <message>
        <source>All decks</source>
        <translation>Alle Stapel</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Alle Themen</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>Search failed: {error}</source>
        <translation>Suche fehlgeschlagen: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) (the first {limit})</source>
        <translation>
            <numerusform>%Ln Element (die ersten {limit})</numerusform>
            <numerusform>%Ln Elemente (die ersten {limit})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Element</numerusform>
            <numerusform>%Ln Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>Note not saved</source>
        <translation>Notiz nicht gespeichert</translation>
    </message>
    <message>
        <source>Reset to new</source>
        <translation>Als neu lernen</translation>
    </message>
    <message numerus="yes">
        <source>Learn %n item(s) again from the start? Their answers stay in your history and statistics.</source>
        <translation>
            <numerusform>%n Element von vorn lernen? Die bisherigen Antworten bleiben in Verlauf und Statistik.</numerusform>
            <numerusform>%n Elemente von vorn lernen? Die bisherigen Antworten bleiben in Verlauf und Statistik.</numerusform>
        </translation>
    </message>
    <message>
        <source>Card not added</source>
        <translation>Karte nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Delete your card</source>
        <translation>Eigene Karte löschen</translation>
    </message>
    <message>
        <source>Delete this card of yours? Its answers stay in your history.</source>
        <translation>Diese eigene Karte löschen? Deine Antworten darauf bleiben im Verlauf.</translation>
    </message>
</context>
<context>
    <name>CardViewText</name>
    <message>
        <source>{name} is not among this deck's files.</source>
        <translation>{name} gehört nicht zu den Dateien dieses Stapels.</translation>
    </message>
</context>
<context>
    <name>ChartsHeatmapText</name>
    <message>
        <source>Fewer</source>
        <translation>Weniger</translation>
    </message>
    <message numerus="yes">
        <source>More (busiest day: %Ln answer(s))</source>
        <translation>
            <numerusform>Mehr (aktivster Tag: %Ln Antwort)</numerusform>
            <numerusform>Mehr (aktivster Tag: %Ln Antworten)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{day}: %Ln answer(s)</source>
        <translation>
            <numerusform>{day}: %Ln Antwort</numerusform>
            <numerusform>{day}: %Ln Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>ddd dd MMM yyyy</source>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
</context>
<context>
    <name>ChartsText</name>
    <message>
        <source>dd MMM</source>
        <translation>dd.MM.</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Noch nichts zu zeigen.</translation>
    </message>
    <message>
        <source>Your accuracy</source>
        <translation>Deine Trefferquote</translation>
    </message>
    <message>
        <source>Ideal for the level</source>
        <translation>Ideal für die Stufe</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <source>Save “{title}” as PNG</source>
        <translation>„{title}“ als PNG speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Chart not saved</source>
        <translation>Diagramm nicht gespeichert</translation>
    </message>
    <message>
        <source>The chart “{title}” could not be written to {path}. Choose a folder you can write to.</source>
        <translation>Das Diagramm „{title}“ ließ sich nicht unter {path} speichern. Wähle einen Ordner, in den du schreiben darfst.</translation>
    </message>
</context>
<context>
    <name>CheckDialogText</name>
    <message>
        <source>Check Database</source>
        <translation>Datenbank prüfen</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>&amp;Repair</source>
        <translation>&amp;Reparieren</translation>
    </message>
    <message>
        <source>Repairing…</source>
        <translation>Wird repariert…</translation>
    </message>
    <message>
        <source>Repairing the database…</source>
        <translation>Datenbank wird repariert…</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Datenbank wird geprüft…</translation>
    </message>
    <message>
        <source>Repaired.</source>
        <translation>Repariert.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>Check Database found:</source>
        <translation>Die Prüfung hat Folgendes gefunden:</translation>
    </message>
    <message>
        <source>A backup was made first: {name}.</source>
        <translation>Vorher wurde eine Sicherung erstellt: {name}.</translation>
    </message>
    <message>
        <source>The check could not finish.</source>
        <translation>Die Prüfung konnte nicht abgeschlossen werden.</translation>
    </message>
</context>
<context>
    <name>CheckServiceText</name>
    <message>
        <source>The search index of Browse is damaged, so searching fails or misses cards.</source>
        <translation>Der Suchindex von „Durchsuchen“ ist beschädigt, daher schlägt die Suche fehl oder übersieht Karten.</translation>
    </message>
    <message>
        <source>make it again from the cards</source>
        <translation>ihn aus den Karten neu aufbauen</translation>
    </message>
    <message>
        <source>made the search index of Browse again</source>
        <translation>den Suchindex von „Durchsuchen“ neu aufgebaut</translation>
    </message>
    <message>
        <source>answer to an item that is no longer there</source>
        <translation>Antwort zu einem nicht mehr vorhandenen Element</translation>
    </message>
    <message>
        <source>answers to an item that is no longer there</source>
        <translation>Antworten zu einem nicht mehr vorhandenen Element</translation>
    </message>
    <message>
        <source>schedule of an item that is no longer there</source>
        <translation>Zeitplan eines nicht mehr vorhandenen Elements</translation>
    </message>
    <message>
        <source>schedules of an item that is no longer there</source>
        <translation>Zeitpläne eines nicht mehr vorhandenen Elements</translation>
    </message>
    <message>
        <source>item of a deck that is no longer there</source>
        <translation>Element eines nicht mehr vorhandenen Stapels</translation>
    </message>
    <message>
        <source>items of a deck that is no longer there</source>
        <translation>Elemente eines nicht mehr vorhandenen Stapels</translation>
    </message>
    <message>
        <source>practice reply to an item that is no longer there</source>
        <translation>Übungsantwort zu einem nicht mehr vorhandenen Element</translation>
    </message>
    <message>
        <source>practice replies to an item that is no longer there</source>
        <translation>Übungsantworten zu einem nicht mehr vorhandenen Element</translation>
    </message>
    <message>
        <source>quiz answer of an attempt that is no longer there</source>
        <translation>Quizantwort aus einem nicht mehr vorhandenen Versuch</translation>
    </message>
    <message>
        <source>quiz answers of an attempt that is no longer there</source>
        <translation>Quizantworten aus einem nicht mehr vorhandenen Versuch</translation>
    </message>
    <message>
        <source>quiz answer to an item that is no longer there</source>
        <translation>Quizantwort zu einem nicht mehr vorhandenen Element</translation>
    </message>
    <message>
        <source>quiz answers to an item that is no longer there</source>
        <translation>Quizantworten zu einem nicht mehr vorhandenen Element</translation>
    </message>
    <message>
        <source>item without a schedule</source>
        <translation>Element ohne Zeitplan</translation>
    </message>
    <message>
        <source>items without a schedule</source>
        <translation>Elemente ohne Zeitplan</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>{finding} Repairing will {repair}.</source>
        <translation>{finding} Die Reparatur wird {repair}.</translation>
    </message>
    <message>
        <source>Nothing else is wrong now.</source>
        <translation>Sonst ist jetzt alles in Ordnung.</translation>
    </message>
    <message>
        <source>Checking the database file…</source>
        <translation>Datenbankdatei wird geprüft…</translation>
    </message>
    <message>
        <source>SQLite finds the file damaged: {problems}.</source>
        <translation>SQLite meldet die Datei als beschädigt: {problems}.</translation>
    </message>
    <message>
        <source>rebuild the indexes; if that is not enough, restore a backup (File &gt; Restore from backup)</source>
        <translation>die Indizes neu aufbauen. Reicht das nicht, stell eine Sicherung wieder her (Datei &gt; Aus Sicherung wiederherstellen)</translation>
    </message>
    <message>
        <source>Checking each card's schedule against its answers…</source>
        <translation>Zeitplan jeder Karte wird mit ihren Antworten abgeglichen…</translation>
    </message>
    <message>
        <source>The schedule of 1 card or question does not match its answers.</source>
        <translation>Der Zeitplan von 1 Karte oder Frage passt nicht zu ihren Antworten.</translation>
    </message>
    <message numerus="yes">
        <source>The schedule of %Ln cards and questions does not match their answers.</source>
        <translation>
            <numerusform>Der Zeitplan von %Ln Karte oder Frage passt nicht zu ihren Antworten.</numerusform>
            <numerusform>Der Zeitplan von %Ln Karten und Fragen passt nicht zu ihren Antworten.</numerusform>
        </translation>
    </message>
    <message>
        <source>rebuild it from the answer log</source>
        <translation>den Zeitplan aus dem Antwortverlauf neu aufbauen</translation>
    </message>
    <message>
        <source>Looking for answers and states that point at nothing…</source>
        <translation>Suche nach Antworten und Zuständen, die ins Leere zeigen…</translation>
    </message>
    <message>
        <source>{count} {what}.</source>
        <translation>{count} {what}.</translation>
    </message>
    <message>
        <source>give them a new card's schedule</source>
        <translation>den Zeitplan einer neuen Karte vergeben</translation>
    </message>
    <message>
        <source>remove them</source>
        <translation>diese Einträge entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln folder(s) left by an interrupted import ({size}).</source>
        <translation>
            <numerusform>%Ln Ordner, der von einem abgebrochenen Import übrig ist ({size}).</numerusform>
            <numerusform>%Ln Ordner, die von einem abgebrochenen Import übrig sind ({size}).</numerusform>
        </translation>
    </message>
    <message>
        <source>delete them</source>
        <translation>die Reste löschen</translation>
    </message>
    <message numerus="yes">
        <source>The statistics' summary of answers differs from the answer log in %Ln hour(s).</source>
        <translation>
            <numerusform>Die Zusammenfassung der Antworten für die Statistik weicht in %Ln Stunde vom Antwortprotokoll ab.</numerusform>
            <numerusform>Die Zusammenfassung der Antworten für die Statistik weicht in %Ln Stunden vom Antwortprotokoll ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>sum it again from the answer log</source>
        <translation>sie neu aus dem Antwortprotokoll berechnen</translation>
    </message>
    <message>
        <source>Checking pictures…</source>
        <translation>Bilder werden geprüft…</translation>
    </message>
    <message numerus="yes">
        <source>Pictures of %Ln deck(s) are still in folders of their own, as before pictures were kept once per profile ({names}).</source>
        <translation>
            <numerusform>Die Bilder von %Ln Stapel liegen noch in einem eigenen Ordner, wie bevor Bilder einmal pro Profil gespeichert wurden ({names}).</numerusform>
            <numerusform>Die Bilder von %Ln Stapeln liegen noch in eigenen Ordnern, wie bevor Bilder einmal pro Profil gespeichert wurden ({names}).</numerusform>
        </translation>
    </message>
    <message>
        <source>move their pictures into the profile's picture store</source>
        <translation>ihre Bilder in den Bilderspeicher des Profils verschieben</translation>
    </message>
    <message>
        <source>Deck '{deck}' shows 1 picture that is missing ({names}): import the deck again to bring them back.</source>
        <translation>Der Stapel „{deck}“ zeigt 1 Bild, das fehlt ({names}): Importiere den Stapel erneut, um es zurückzuholen.</translation>
    </message>
    <message numerus="yes">
        <source>Deck '{deck}' shows %Ln pictures that are missing ({names}): import the deck again to bring them back.</source>
        <translation>
            <numerusform>Der Stapel „{deck}“ zeigt %Ln Bild, das fehlt ({names}): Importiere den Stapel erneut, um es zurückzuholen.</numerusform>
            <numerusform>Der Stapel „{deck}“ zeigt %Ln Bilder, die fehlen ({names}): Importiere den Stapel erneut, um sie zurückzuholen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deck '{deck}' has %Ln picture(s) that no card shows now ({names}); kept, since a backup may still show them.</source>
        <translation>
            <numerusform>Der Stapel „{deck}“ hat %Ln Bild, das keine Karte mehr zeigt ({names}). Es bleibt erhalten, weil eine Sicherung es noch zeigen kann.</numerusform>
            <numerusform>Der Stapel „{deck}“ hat %Ln Bilder, die keine Karte mehr zeigt ({names}). Sie bleiben erhalten, weil eine Sicherung sie noch zeigen kann.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln picture file(s) that no deck shows now ({size}); kept, since a backup may still show them.</source>
        <translation>
            <numerusform>%Ln Bilddatei, die kein Stapel mehr zeigt ({size}). Sie bleibt erhalten, weil eine Sicherung sie noch zeigen kann.</numerusform>
            <numerusform>%Ln Bilddateien, die kein Stapel mehr zeigt ({size}). Sie bleiben erhalten, weil eine Sicherung sie noch zeigen kann.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backing up, then repairing…</source>
        <translation>Erst sichern, dann reparieren…</translation>
    </message>
    <message>
        <source>rebuilt the indexes</source>
        <translation>Indizes neu aufgebaut</translation>
    </message>
    <message>
        <source>rebuilt the schedule of 1 card or question from the answer log</source>
        <translation>Zeitplan von 1 Karte oder Frage aus dem Antwortverlauf neu aufgebaut</translation>
    </message>
    <message numerus="yes">
        <source>rebuilt the schedule of %Ln cards and questions from the answer log</source>
        <translation>
            <numerusform>Zeitplan von %Ln Karte oder Frage aus dem Antwortverlauf neu aufgebaut</numerusform>
            <numerusform>Zeitpläne von %Ln Karten und Fragen aus dem Antwortverlauf neu aufgebaut</numerusform>
        </translation>
    </message>
    <message>
        <source>gave a new card's schedule to {count} {what}</source>
        <translation>Zeitplan einer neuen Karte vergeben an: {count} {what}</translation>
    </message>
    <message>
        <source>removed {count} {what}</source>
        <translation>{count} {what} entfernt</translation>
    </message>
    <message>
        <source>summed the statistics' summary of answers again from the answer log</source>
        <translation>die Zusammenfassung der Antworten für die Statistik neu aus dem Antwortprotokoll berechnet</translation>
    </message>
    <message>
        <source>deleted the leftover import folder {name}</source>
        <translation>Übrig gebliebenen Importordner {name} gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>moved %Ln picture(s) from the old per-deck folders into the picture store</source>
        <translation>
            <numerusform>%Ln Bild aus den alten Stapelordnern in den Bilderspeicher verschoben</numerusform>
            <numerusform>%Ln Bilder aus den alten Stapelordnern in den Bilderspeicher verschoben</numerusform>
        </translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} und %n weiteres</numerusform>
            <numerusform>{names} und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CohortModelText</name>
    <message>
        <source>learner {id}</source>
        <translation>Person {id}</translation>
    </message>
    <message>
        <source>{where}: {reason}</source>
        <translation>{where}: {reason}</translation>
    </message>
</context>
<context>
    <name>CohortOutputText</name>
    <message>
        <source>{path}: the report and its CSV need different file names</source>
        <translation>{path}: Bericht und CSV-Datei brauchen unterschiedliche Dateinamen</translation>
    </message>
    <message>
        <source>{path}: this is one of the files the report reads; write the report to another file</source>
        <translation>{path}: Diese Datei liest der Bericht selbst ein; speichere den Bericht in einer anderen Datei</translation>
    </message>
</context>
<context>
    <name>CohortReadText</name>
    <message>
        <source>missing key {key}</source>
        <translation>Schlüssel {key} fehlt</translation>
    </message>
    <message>
        <source>bad value ({error})</source>
        <translation>ungültiger Wert ({error})</translation>
    </message>
    <message>
        <source>not an object with the expected keys</source>
        <translation>kein Objekt mit den erwarteten Schlüsseln</translation>
    </message>
    <message>
        <source>a time should be ISO 8601 text, not {value}</source>
        <translation>eine Zeitangabe muss Text im Format ISO 8601 sein, nicht {value}</translation>
    </message>
    <message>
        <source>time {value} has no time zone</source>
        <translation>Zeitangabe {value} hat keine Zeitzone</translation>
    </message>
    <message>
        <source>not a progress export (no JSON object at the top)</source>
        <translation>kein Fortschrittsexport (oberste Ebene ist kein JSON-Objekt)</translation>
    </message>
    <message>
        <source>not a progress export ("format" is {found})</source>
        <translation>kein Fortschrittsexport ("format" ist {found})</translation>
    </message>
    <message>
        <source>"version" should be a whole number, not {value}</source>
        <translation>"version" muss eine ganze Zahl sein, nicht {value}</translation>
    </message>
    <message>
        <source>made by a newer Sales Trainer (export version {version}; this version reads up to {known}): update the app</source>
        <translation>mit einem neueren Sales Trainer erstellt (Exportversion {version}; diese Version liest bis {known}): aktualisiere die App</translation>
    </message>
    <message>
        <source>unknown export version {version}</source>
        <translation>unbekannte Exportversion {version}</translation>
    </message>
    <message>
        <source>missing key(s) {keys}</source>
        <translation>fehlende Schlüssel: {keys}</translation>
    </message>
    <message>
        <source>"{key}" should be a list</source>
        <translation>"{key}" muss eine Liste sein</translation>
    </message>
    <message>
        <source>"learner" should be an object</source>
        <translation>"learner" muss ein Objekt sein</translation>
    </message>
    <message>
        <source>"learner.id" should be text of 1 to 200 characters</source>
        <translation>"learner.id" muss Text mit 1 bis 200 Zeichen sein</translation>
    </message>
    <message>
        <source>"learner.display_name" should be text</source>
        <translation>"learner.display_name" muss Text sein</translation>
    </message>
    <message>
        <source>"deck", "id" and "topic" should be text</source>
        <translation>"deck", "id" und "topic" müssen Text sein</translation>
    </message>
    <message>
        <source>"retired" should be true or false</source>
        <translation>"retired" muss true oder false sein</translation>
    </message>
    <message>
        <source>"stability" should be a positive number, not {value}</source>
        <translation>"stability" muss eine positive Zahl sein, nicht {value}</translation>
    </message>
    <message>
        <source>"deck" and "quiz" should be text</source>
        <translation>"deck" und "quiz" müssen Text sein</translation>
    </message>
    <message>
        <source>"answers" should be a list</source>
        <translation>"answers" muss eine Liste sein</translation>
    </message>
    <message>
        <source>"questions" and "pass_mark" should be numbers</source>
        <translation>"questions" und "pass_mark" müssen Zahlen sein</translation>
    </message>
    <message>
        <source>"deck" should be text</source>
        <translation>"deck" muss Text sein</translation>
    </message>
    <message>
        <source>"correct" should be true or false</source>
        <translation>"correct" muss true oder false sein</translation>
    </message>
    <message>
        <source>"certainty" should be 1, 2, 3 or null, not {value}</source>
        <translation>"certainty" muss 1, 2, 3 oder null sein, nicht {value}</translation>
    </message>
    <message>
        <source>"score" should be a number</source>
        <translation>"score" muss eine Zahl sein</translation>
    </message>
    <message>
        <source>"item" and "answered_at" should be text</source>
        <translation>"item" und "answered_at" müssen Text sein</translation>
    </message>
    <message>
        <source>"day" should be a whole number or null</source>
        <translation>"day" muss eine ganze Zahl oder null sein</translation>
    </message>
    <message>
        <source>"steps" should be a list</source>
        <translation>"steps" muss eine Liste sein</translation>
    </message>
    <message>
        <source>"day" should be a whole number</source>
        <translation>"day" muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>"done" should be true or false</source>
        <translation>"done" muss true oder false sein</translation>
    </message>
    <message>
        <source>"study_answers" should be a list</source>
        <translation>"study_answers" muss eine Liste sein</translation>
    </message>
    <message>
        <source>not valid JSON ({name} is not a number JSON allows)</source>
        <translation>kein gültiges JSON ({name} ist keine Zahl, die JSON erlaubt)</translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation>nicht lesbar ({error})</translation>
    </message>
    <message>
        <source>larger than {limit}</source>
        <translation>größer als {limit}</translation>
    </message>
    <message>
        <source>not UTF-8 text (bad byte at offset {offset})</source>
        <translation>kein UTF-8-Text (ungültiges Byte an Position {offset})</translation>
    </message>
    <message>
        <source>not valid JSON (line {line}, column {column}: {error})</source>
        <translation>kein gültiges JSON (Zeile {line}, Spalte {column}: {error})</translation>
    </message>
    <message>
        <source>not a progress export (nested too deeply)</source>
        <translation>kein Fortschrittsexport (zu tief verschachtelt)</translation>
    </message>
    <message>
        <source>not a progress export ({error})</source>
        <translation>kein Fortschrittsexport ({error})</translation>
    </message>
    <message>
        <source>not a progress export (it holds half of a UTF-16 pair, which is not text)</source>
        <translation>kein Fortschrittsexport (enthält ein halbes UTF-16-Paar und damit keinen gültigen Text)</translation>
    </message>
</context>
<context>
    <name>CohortReadinessTabText</name>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>nearly</source>
        <translation>fast bereit</translation>
    </message>
    <message>
        <source>not ready</source>
        <translation>nicht bereit</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>Abruf</translation>
    </message>
    <message>
        <source>quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>Übung</translation>
    </message>
    <message numerus="yes">
        <source>Recall in %n day(s): {recall} over {cards} ({seen} studied)</source>
        <translation>
            <numerusform>Abruf in %n Tag: {recall} über {cards} ({seen} gelernt)</numerusform>
            <numerusform>Abruf in %n Tagen: {recall} über {cards} ({seen} gelernt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n Karte</numerusform>
            <numerusform>%n Karten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Quiz: {quiz} over %n question(s) ({answered} answered)</source>
        <translation>
            <numerusform>Quiz: {quiz} über %n Frage ({answered} beantwortet)</numerusform>
            <numerusform>Quiz: {quiz} über %n Fragen ({answered} beantwortet)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Practice: {practice} over %n item(s) ({practised} practised)</source>
        <translation>
            <numerusform>Übung: {practice} über %n Übung ({practised} geübt)</numerusform>
            <numerusform>Übung: {practice} über %n Übungen ({practised} geübt)</numerusform>
        </translation>
    </message>
    <message>
        <source>No learner has items yet.</source>
        <translation>Bisher hat niemand Elemente.</translation>
    </message>
    <message>
        <source>{learner}, {topic}: no items</source>
        <translation>{learner}, {topic}: keine Elemente</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} von {total}</translation>
    </message>
    <message>
        <source>Ready on</source>
        <translation>Bereit bei</translation>
    </message>
    <message numerus="yes">
        <source>Readiness is a topic's weakest part: recall of every card %n day(s) after the export, the latest answer to every quiz question and the checks met in the latest reply to every practice item, each counting what was never done as 0. Ready: {ready} and up; nearly: {nearly}–{ready}. In brackets: the part holding it down. Hover a cell for all three.</source>
        <translation>
            <numerusform>Die Einsatzbereitschaft ist der schwächste Teil eines Themas: die Abrufwahrscheinlichkeit jeder Karte %n Tag nach dem Export, die letzte Antwort auf jede Quizfrage und die erfüllten Kriterien der letzten Antwort auf jede Übung. Was nie gemacht wurde, zählt als 0. Bereit: ab {ready}; fast bereit: {nearly}–{ready}. In Klammern: der Teil, der sie nach unten zieht. Zeig auf eine Zelle, um alle drei zu sehen.</numerusform>
            <numerusform>Die Einsatzbereitschaft ist der schwächste Teil eines Themas: die Abrufwahrscheinlichkeit jeder Karte %n Tage nach dem Export, die letzte Antwort auf jede Quizfrage und die erfüllten Kriterien der letzten Antwort auf jede Übung. Was nie gemacht wurde, zählt als 0. Bereit: ab {ready}; fast bereit: {nearly}–{ready}. In Klammern: der Teil, der sie nach unten zieht. Zeig auf eine Zelle, um alle drei zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No practice reply has missed a check yet (or nobody has practised).</source>
        <translation>Bisher hat keine Übungsantwort ein Kriterium verfehlt (oder niemand hat geübt).</translation>
    </message>
    <message>
        <source>Rubric check</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <source>Replies that missed it</source>
        <translation>Antworten, die es verfehlten</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>The rubric checks missed most often over every practice reply: what to rehearse together in the next session.</source>
        <translation>Die Kriterien, die in allen Übungsantworten am häufigsten verfehlt wurden: das, was ihr in der nächsten Sitzung gemeinsam üben solltet.</translation>
    </message>
</context>
<context>
    <name>CohortReadinessText</name>
    <message>
        <source>should be a list</source>
        <translation>muss eine Liste sein</translation>
    </message>
    <message>
        <source>should be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>"deck", "item" and "answered_at" should be text</source>
        <translation>"deck", "item" und "answered_at" müssen Text sein</translation>
    </message>
    <message>
        <source>"counted" should be true or false and "checks" a list</source>
        <translation>"counted" muss true oder false sein und "checks" eine Liste</translation>
    </message>
    <message>
        <source>should have "text" as text and "met" as true or false</source>
        <translation>braucht "text" als Text und "met" als true oder false</translation>
    </message>
    <message>
        <source>"kind" should be text</source>
        <translation>"kind" muss Text sein</translation>
    </message>
</context>
<context>
    <name>CohortText</name>
    <message>
        <source>no such file or folder</source>
        <translation>Datei oder Ordner nicht gefunden</translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation>nicht lesbar ({error})</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine normale Datei</translation>
    </message>
    <message>
        <source>larger than {limit}</source>
        <translation>größer als {limit}</translation>
    </message>
    <message>
        <source>cannot be used ({error}: {message})</source>
        <translation>nicht verwendbar ({error}: {message})</translation>
    </message>
</context>
<context>
    <name>CohortViewText</name>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n Antwort</numerusform>
            <numerusform>%n Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>daily study</source>
        <translation>tägliches Lernen</translation>
    </message>
    <message>
        <source>Save report as HTML…</source>
        <translation>Bericht als HTML speichern…</translation>
    </message>
    <message>
        <source>Back to decks  (Esc)</source>
        <translation>Zurück zu den Stapeln  (Esc)</translation>
    </message>
    <message>
        <source>Cohort: {source}</source>
        <translation>Kohorte: {source}</translation>
    </message>
    <message>
        <source>; exports from {first} to {last}</source>
        <translation>; Exporte vom {first} bis {last}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln learner(s) from {exports}{dates}.</source>
        <translation>
            <numerusform>%Ln Person aus {exports}{dates}.</numerusform>
            <numerusform>%Ln Personen aus {exports}{dates}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln export(s)</source>
        <comment>after from</comment>
        <translation>
            <numerusform>%Ln Export</numerusform>
            <numerusform>%Ln Exporten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln older export(s) replaced by newer ones, {skipped} skipped.</source>
        <translation>
            <numerusform>%Ln älterer Export durch einen neueren ersetzt, {skipped} übersprungen.</numerusform>
            <numerusform>%Ln ältere Exporte durch neuere ersetzt, {skipped} übersprungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln Datei</numerusform>
            <numerusform>%Ln Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Einsatzbereitschaft</translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation>Beherrschung</translation>
    </message>
    <message>
        <source>Quizzes</source>
        <translation>Quizze</translation>
    </message>
    <message>
        <source>Learning path</source>
        <translation>Lernpfad</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Sure but wrong</source>
        <translation>Sicher, aber falsch</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>Files ({skipped} skipped)</source>
        <translation>Dateien ({skipped} übersprungen)</translation>
    </message>
    <message>
        <source>No learner has answered anything yet.</source>
        <translation>Bisher hat niemand etwas beantwortet.</translation>
    </message>
    <message>
        <source>Not enough data: {answers}, {needed} needed</source>
        <translation>Zu wenige Daten: {answers}, {needed} nötig</translation>
    </message>
    <message>
        <source>Mastery {mastery} from {answers}</source>
        <translation>Beherrschung {mastery} aus {answers}</translation>
    </message>
    <message>
        <source>Quiz answers: {right} of {answers} right ({share})</source>
        <translation>Quizantworten: {right} von {answers} richtig ({share})</translation>
    </message>
    <message numerus="yes">
        <source>Mean recall probability (FSRS) of each topic's items at the learner's export; “—” is not enough data (under %n answer(s)). Hover a cell for its figures.</source>
        <translation>
            <numerusform>Mittlere Abrufwahrscheinlichkeit (FSRS) der Elemente jedes Themas zum Zeitpunkt des Exports; „—“ heißt: zu wenige Daten (unter %n Antwort). Zeig auf eine Zelle, um ihre Werte zu sehen.</numerusform>
            <numerusform>Mittlere Abrufwahrscheinlichkeit (FSRS) der Elemente jedes Themas zum Zeitpunkt des Exports; „—“ heißt: zu wenige Daten (unter %n Antworten). Zeig auf eine Zelle, um ihre Werte zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody has finished a quiz yet.</source>
        <translation>Bisher hat niemand ein Quiz abgeschlossen.</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} von {total}</translation>
    </message>
    <message>
        <source>Deck</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Finished by</source>
        <translation>Abgeschlossen von</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Bestehensquote</translation>
    </message>
    <message>
        <source>A learner passed when their best finished attempt reached the pass mark.</source>
        <translation>Bestanden hat, wer mit dem besten abgeschlossenen Versuch die Bestehensgrenze erreicht hat.</translation>
    </message>
    <message>
        <source>No export has a learning path.</source>
        <translation>Kein Export enthält einen Lernpfad.</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht begonnen</translation>
    </message>
    <message>
        <source>day {day}</source>
        <translation>Tag {day}</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>im Plan</translation>
    </message>
    <message>
        <source>all done</source>
        <translation>alles erledigt</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Lernpfad</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Steps done</source>
        <translation>Schritte erledigt</translation>
    </message>
    <message>
        <source>Overdue steps</source>
        <translation>Überfällige Schritte</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>{behind} behind. Behind: a step whose day has passed is not done, counted on the day of the learner's export.</source>
        <translation>{behind} im Rückstand. Im Rückstand heißt: Ein Schritt, dessen Tag vorbei ist, ist nicht erledigt (gezählt am Tag des Exports).</translation>
    </message>
    <message>
        <source>No answer was wrong at high certainty.</source>
        <translation>Keine Antwort war bei hoher Sicherheit falsch.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Wrong, sure</source>
        <translation>Falsch, aber sicher</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Questions answered wrong at high certainty: a belief to correct, not a gap to fill.</source>
        <translation>Fragen, die bei hoher Sicherheit falsch beantwortet wurden: eine Überzeugung, die korrigiert werden muss, keine Lücke zum Füllen.</translation>
    </message>
    <message>
        <source>{share} of {answers}</source>
        <translation>{share} von {answers}</translation>
    </message>
    <message>
        <source>no answers with certainty</source>
        <translation>keine Antworten mit Sicherheit</translation>
    </message>
    <message>
        <source>{lean} ({points} points)</source>
        <translation>{lean} ({points} Punkte)</translation>
    </message>
    <message>
        <source>Whole cohort</source>
        <translation>Ganze Kohorte</translation>
    </message>
    <message>
        <source>Certainty mark</source>
        <translation>Sicherheitswertung</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Trennschärfe</translation>
    </message>
    <message>
        <source>Share of quiz answers right at each certainty level (low stands for 50%, medium 74%, high 90%); overconfident is flagged above 15 points. The certainty mark is the mean mark per answer, from −6 to +3. Resolution says whether being sure goes with being right at all: 0 not at all, 1 perfectly (shown once answers use two certainty levels).</source>
        <translation>Anteil richtiger Quizantworten je Sicherheitsstufe (niedrig steht für 50 %, mittel für 74 %, hoch für 90 %); ab mehr als 15 Punkten gilt man als zu selbstsicher. Die Sicherheitswertung ist die mittlere Wertung pro Antwort, von −6 bis +3. Die Trennschärfe zeigt, ob Sicherheit überhaupt mit richtigen Antworten einhergeht: 0 gar nicht, 1 vollkommen (angezeigt, sobald die Antworten zwei Sicherheitsstufen nutzen).</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>ersetzt</translation>
    </message>
    <message>
        <source>a newer export of the same learner: {file}</source>
        <translation>ein neuerer Export derselben Person: {file}</translation>
    </message>
    <message>
        <source>Every file was used.</source>
        <translation>Alle Dateien wurden verwendet.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Save report as HTML</source>
        <translation>Bericht als HTML speichern</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML-Dateien (*.html)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Gespeichert: {path}</translation>
    </message>
    <message>
        <source>Reading the exports in {folder}…</source>
        <translation>Die Exporte in {folder} werden gelesen…</translation>
    </message>
    <message>
        <source>Read {done} of {total}: {file}</source>
        <translation>{done} von {total} gelesen: {file}</translation>
    </message>
    <message>
        <source>Reading the exports…</source>
        <translation>Die Exporte werden gelesen…</translation>
    </message>
    <message>
        <source>…and {more} more</source>
        <translation>…und {more} weitere</translation>
    </message>
    <message>
        <source>No usable progress export in {folder}.</source>
        <translation>Kein verwendbarer Fortschrittsexport in {folder}.</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>Übersprungen:</translation>
    </message>
    <message>
        <source>It holds no .json files.</source>
        <translation>Der Ordner enthält keine .json-Dateien.</translation>
    </message>
    <message>
        <source>Open cohort</source>
        <translation>Kohorte öffnen</translation>
    </message>
    <message>
        <source>Open cohort: folder of progress exports</source>
        <translation>Kohorte öffnen: Ordner mit Fortschrittsexporten</translation>
    </message>
</context>
<context>
    <name>CsvExportText</name>
    <message>
        <source>Reading your card reviews…</source>
        <translation>Deine Kartenwiederholungen werden gelesen…</translation>
    </message>
    <message>
        <source>Reading your quiz answers…</source>
        <translation>Deine Quizantworten werden gelesen…</translation>
    </message>
    <message>
        <source>Reading your self-assessments…</source>
        <translation>Deine Selbsteinschätzungen werden gelesen…</translation>
    </message>
    <message>
        <source>Reading your practice replies…</source>
        <translation>Deine Übungsantworten werden gelesen…</translation>
    </message>
    <message>
        <source>Saving the files…</source>
        <translation>Die Dateien werden gespeichert…</translation>
    </message>
</context>
<context>
    <name>CsvFileText</name>
    <message>
        <source>a quote (") opens a field on this line that is never closed, so every line after it would be read into that field; close the quote, or write a quote inside a quoted field as two ("")</source>
        <translation>ein Anführungszeichen (") öffnet in dieser Zeile ein Feld, das nie geschlossen wird, sodass jede folgende Zeile in dieses Feld gelesen würde; schließen Sie das Anführungszeichen oder schreiben Sie ein Anführungszeichen innerhalb eines Felds in Anführungszeichen doppelt ("")</translation>
    </message>
    <message>
        <source>'#{key}' must be a column number</source>
        <translation>„#{key}“ muss eine Spaltennummer sein</translation>
    </message>
    <message>
        <source>'#{key}' must be a column number from 1 to {most}, not {value}</source>
        <translation>„#{key}“ muss eine Spaltennummer von 1 bis {most} sein, nicht {value}</translation>
    </message>
    <message>
        <source>this line cannot be read ({problem}); a card's field may be at most 128 KB</source>
        <translation>Diese Zeile ist nicht lesbar ({problem}); ein Feld einer Karte darf höchstens 128 KB groß sein</translation>
    </message>
    <message>
        <source>the same card appears twice; the second is skipped</source>
        <translation>Dieselbe Karte kommt zweimal vor; die zweite wird übersprungen</translation>
    </message>
    <message>
        <source>cannot read the file: {problem}</source>
        <translation>Die Datei ist nicht lesbar: {problem}</translation>
    </message>
    <message>
        <source>an Image Occlusion note needs its picture, which a text file does not carry (export an Anki package instead); skipped</source>
        <translation>Eine Bildverdeckungs-Notiz braucht ihr Bild, das eine Textdatei nicht enthält (exportiere stattdessen ein Anki-Paket); übersprungen</translation>
    </message>
    <message>
        <source>note type '{name}' is not one of Anki's standard note types, whose cards this app knows: its rows are read as front (the first field) and back (the others)</source>
        <translation>Der Notiztyp „{name}“ ist keiner der Standard-Notiztypen von Anki, deren Karten die App kennt: Seine Zeilen werden als Vorderseite (erstes Feld) und Rückseite (die übrigen) gelesen</translation>
    </message>
    <message>
        <source>has no rows with a front and a back to import</source>
        <translation>enthält keine Zeilen mit Vorder- und Rückseite zum Importieren</translation>
    </message>
    <message>
        <source>needs a front and a back; skipped</source>
        <translation>braucht eine Vorder- und eine Rückseite; übersprungen</translation>
    </message>
    <message>
        <source>has more fields than note type '{name}' ({count}); the others are ignored</source>
        <translation>hat mehr Felder als der Notiztyp „{name}“ ({count}); die übrigen werden ignoriert</translation>
    </message>
    <message>
        <source>makes no card: note type '{name}' needs more of its fields filled in</source>
        <translation>ergibt keine Karte: Beim Notiztyp „{name}“ müssen mehr Felder ausgefüllt sein</translation>
    </message>
    <message>
        <source>card {number} skipped: {reason}</source>
        <translation>Karte {number} übersprungen: {reason}</translation>
    </message>
</context>
<context>
    <name>DamagedDialogText</name>
    <message>
        <source>This profile is damaged</source>
        <translation>Dieses Profil ist beschädigt</translation>
    </message>
    <message>
        <source>The newest good backup is from {when}, with {answers} and {decks}. Restoring it keeps the damaged file in the backups folder.</source>
        <translation>Die neueste intakte Sicherung ist vom {when}, mit {answers} und {decks}. Beim Wiederherstellen bleibt die beschädigte Datei im Sicherungsordner erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln Antwort</numerusform>
            <numerusform>%Ln Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deck(s)</source>
        <translation>
            <numerusform>%Ln Stapel</numerusform>
            <numerusform>%Ln Stapeln</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no good backup of it. You can start a new profile; the damaged file is kept in the backups folder, not deleted.</source>
        <translation>Es gibt keine intakte Sicherung davon. Du kannst ein neues Profil anlegen; die beschädigte Datei bleibt im Sicherungsordner und wird nicht gelöscht.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sales Trainer cannot use this profile:&lt;/b&gt; its file {path} is damaged ({detail}).</source>
        <translation>&lt;b&gt;Sales Trainer kann dieses Profil nicht verwenden:&lt;/b&gt; Seine Datei {path} ist beschädigt ({detail}).</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>Diese Sicherung &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Choose another backup…</source>
        <translation>&amp;Andere Sicherung wählen…</translation>
    </message>
    <message>
        <source>&amp;Start a new profile</source>
        <translation>&amp;Neues Profil anlegen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>DeckListText</name>
    <message>
        <source>Deck</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>Lernphase</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Your decks</source>
        <translation>Deine Stapel</translation>
    </message>
    <message>
        <source>Decks, their quizzes and self-checks</source>
        <translation>Stapel mit ihren Quiz und Selbsttests</translation>
    </message>
    <message>
        <source>No decks are installed yet.</source>
        <translation>Es sind noch keine Stapel installiert.</translation>
    </message>
    <message>
        <source>Study now  (Enter)</source>
        <translation>Jetzt lernen  (Enter)</translation>
    </message>
    <message>
        <source>Statistics  (Ctrl+T)</source>
        <translation>Statistik  (Strg+T)</translation>
    </message>
    <message>
        <source>{title} (version {version})</source>
        <translation>{title} (Version {version})</translation>
    </message>
    <message>
        <source>Quiz: {title}</source>
        <translation>Quiz: {title}</translation>
    </message>
    <message>
        <source>Quiz: {title}  (best {score}%)</source>
        <translation>Quiz: {title}  (Bestwert {score} %)</translation>
    </message>
    <message>
        <source>Self-check: {title}</source>
        <translation>Selbsttest: {title}</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s), about two minutes.</source>
        <translation>
            <numerusform>%n Aussage, etwa zwei Minuten.</numerusform>
            <numerusform>%n Aussagen, etwa zwei Minuten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s); pass mark {mark}%.</source>
        <translation>
            <numerusform>%n Frage; bestanden ab {mark} %.</numerusform>
            <numerusform>%n Fragen; bestanden ab {mark} %.</numerusform>
        </translation>
    </message>
    <message>
        <source>You say how sure you are of each answer.</source>
        <translation>Bei jeder Antwort gibst du an, wie sicher du dir bist.</translation>
    </message>
    <message numerus="yes">
        <source>%n deck file(s) could not be loaded; the other decks are fine.</source>
        <translation>
            <numerusform>%n Stapeldatei konnte nicht geladen werden; die anderen Stapel sind in Ordnung.</numerusform>
            <numerusform>%n Stapeldateien konnten nicht geladen werden; die anderen Stapel sind in Ordnung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more problem(s).</source>
        <translation>
            <numerusform>... und %n weiteres Problem.</numerusform>
            <numerusform>... und %n weitere Probleme.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start quiz  (Enter)</source>
        <translation>Quiz starten  (Enter)</translation>
    </message>
    <message>
        <source>Start self-check  (Enter)</source>
        <translation>Selbsttest starten  (Enter)</translation>
    </message>
</context>
<context>
    <name>DeckText</name>
    <message>
        <source>{title} (untitled article; title describes it)</source>
        <translation>{title} (Artikel ohne Titel; der Titel beschreibt ihn)</translation>
    </message>
    <message>
        <source>{title} — author not named</source>
        <translation>{title} — ohne Angabe des Autors</translation>
    </message>
</context>
<context>
    <name>ErrorsText</name>
    <message>
        <source>another program is writing to it, so the last change was not saved; try again in a moment</source>
        <translation>ein anderes Programm schreibt gerade hinein, daher wurde die letzte Änderung nicht gespeichert; versuch es gleich noch einmal</translation>
    </message>
    <message>
        <source>the disk is full, so the last change was not saved; free some space and try again</source>
        <translation>der Datenträger ist voll, daher wurde die letzte Änderung nicht gespeichert; schaff etwas Platz und versuch es noch einmal</translation>
    </message>
    <message>
        <source>it cannot be written (the file or its folder is read-only), so the last change was not saved</source>
        <translation>es lässt sich nicht beschreiben (die Datei oder ihr Ordner ist schreibgeschützt), daher wurde die letzte Änderung nicht gespeichert</translation>
    </message>
    <message>
        <source>its database is damaged; Check Database ('trainer check') says more, and Restore from backup ('trainer backup restore') puts back the newest good backup</source>
        <translation>seine Datenbank ist beschädigt; Datenbank prüfen („trainer check“) sagt mehr dazu, und Aus Sicherung wiederherstellen („trainer backup restore“) holt die neueste intakte Sicherung zurück</translation>
    </message>
    <message>
        <source>its database file is not a database any more; Restore from backup ('trainer backup restore') puts back the newest good backup</source>
        <translation>seine Datenbankdatei ist keine Datenbank mehr; Aus Sicherung wiederherstellen („trainer backup restore“) holt die neueste intakte Sicherung zurück</translation>
    </message>
    <message>
        <source>the disk could not be read or written, so the last change was not saved; check the disk and try again</source>
        <translation>der Datenträger ließ sich nicht lesen oder beschreiben, daher wurde die letzte Änderung nicht gespeichert; prüf den Datenträger und versuch es noch einmal</translation>
    </message>
    <message>
        <source>its database file cannot be opened; check that the folder exists and can be written</source>
        <translation>seine Datenbankdatei lässt sich nicht öffnen; prüf, ob der Ordner existiert und beschreibbar ist</translation>
    </message>
    <message>
        <source>profile '{name}' ({path})</source>
        <translation>Profil „{name}“ ({path})</translation>
    </message>
    <message>
        <source>{profile}: {error}; the last change was not saved</source>
        <translation>{profile}: {error}; die letzte Änderung wurde nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>FieldsText</name>
    <message>
        <source>tag '{tag}' has a space in it, and spaces separate tags (in Anki too): join its words with '-' or '_', or use '::' for a level below another tag, like 'sales::cold-call'</source>
        <translation>Das Schlagwort „{tag}“ enthält ein Leerzeichen, und Leerzeichen trennen Schlagwörter (auch in Anki): Verbinde die Wörter mit „-“ oder „_“, oder nutze „::“ für eine Ebene unter einem anderen Schlagwort, etwa „sales::cold-call“</translation>
    </message>
</context>
<context>
    <name>ImportDialogText</name>
    <message>
        <source>Decks and imports</source>
        <translation>Stapel und Importe</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>{name} importieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Importing {name}&lt;/b&gt; will change:</source>
        <translation>&lt;b&gt;Der Import von {name}&lt;/b&gt; ändert:</translation>
    </message>
    <message>
        <source>This file holds an &lt;b&gt;older version&lt;/b&gt; than the one installed: edited cards would go back to their older text. Progress is kept either way.</source>
        <translation>Diese Datei enthält eine &lt;b&gt;ältere Version&lt;/b&gt; als die installierte: Bearbeitete Karten bekämen wieder ihren älteren Text. Dein Fortschritt bleibt in jedem Fall erhalten.</translation>
    </message>
    <message>
        <source>Import the older version anyway</source>
        <translation>Ältere Version trotzdem importieren</translation>
    </message>
    <message>
        <source>Retire them: this file replaces the installed deck</source>
        <translation>Ausmustern: Diese Datei ersetzt den installierten Stapel</translation>
    </message>
    <message numerus="yes">
        <source>Bring in %Ln past answer(s) from the file's review history, so each card's schedule goes on where it was (answers already here are never doubled)</source>
        <translation>
            <numerusform>%Ln frühere Antwort aus dem Wiederholungsverlauf der Datei übernehmen, damit jede Karte im Zeitplan dort weitermacht, wo sie war (Antworten, die schon hier sind, werden nie doppelt gezählt)</numerusform>
            <numerusform>%Ln frühere Antworten aus dem Wiederholungsverlauf der Datei übernehmen, damit jede Karte im Zeitplan dort weitermacht, wo sie war (Antworten, die schon hier sind, werden nie doppelt gezählt)</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>Übersprungen:</translation>
    </message>
    <message>
        <source>Progress on existing cards is kept: edited cards keep their history, removed ones are hidden, not deleted.</source>
        <translation>Der Fortschritt bestehender Karten bleibt erhalten: Bearbeitete Karten behalten ihren Verlauf, entfernte werden ausgeblendet, nicht gelöscht.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>{name} wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <source>{name} cannot be imported:

{error}

Nothing was changed.</source>
        <translation>{name} lässt sich nicht importieren:

{error}

Es wurde nichts geändert.</translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln item(s)…</source>
        <translation>
            <numerusform>%Ln Element wird importiert…</numerusform>
            <numerusform>%Ln Elemente werden importiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>{name} wird importiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>{error}

Nothing was changed.</source>
        <translation>{error}

Es wurde nichts geändert.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln item(s), with {answers} into {decks}.</source>
        <translation>
            <numerusform>%Ln Element mit {answers} in {decks} importiert.</numerusform>
            <numerusform>%Ln Elemente mit {answers} in {decks} importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln past answer(s)</source>
        <translation>
            <numerusform>%Ln früheren Antwort</numerusform>
            <numerusform>%Ln früheren Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln item(s) into {decks}.</source>
        <translation>
            <numerusform>%Ln Element in {decks} importiert.</numerusform>
            <numerusform>%Ln Elemente in {decks} importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
</context>
<context>
    <name>ImportingText</name>
    <message numerus="yes">
        <source>'{deck}': a corrected answer key marks %Ln answer(s) already given again (questions {ids}); quiz scores and learning-path steps follow</source>
        <translation>
            <numerusform>„{deck}“: Ein korrigierter Lösungsschlüssel bewertet %Ln bereits gegebene Antwort neu (Fragen {ids}); Quiz-Ergebnisse und Schritte im Lernpfad richten sich danach</numerusform>
            <numerusform>„{deck}“: Ein korrigierter Lösungsschlüssel bewertet %Ln bereits gegebene Antworten neu (Fragen {ids}); Quiz-Ergebnisse und Schritte im Lernpfad richten sich danach</numerusform>
        </translation>
    </message>
    <message>
        <source>'{title}' comes in as a deck of its own ('{id}'): the installed deck '{other}' has that id but came from {origin}, and this file leaves it alone</source>
        <translation>„{title}“ kommt als eigener Stapel („{id}“) hinzu: Der installierte Stapel „{other}“ hat dieselbe Kennung, stammt aber aus {origin}, und diese Datei lässt ihn unverändert</translation>
    </message>
    <message>
        <source>the app's built-in decks</source>
        <translation>den eingebauten Stapeln der App</translation>
    </message>
    <message>
        <source>a deck package</source>
        <translation>einem Stapelpaket</translation>
    </message>
    <message>
        <source>a deck file</source>
        <translation>einer Stapeldatei</translation>
    </message>
    <message>
        <source>the cards you wrote yourself</source>
        <translation>Ihren selbst geschriebenen Karten</translation>
    </message>
    <message>
        <source>new deck, version {version}</source>
        <translation>neuer Stapel, Version {version}</translation>
    </message>
    <message>
        <source>version {old} → {new}</source>
        <translation>Version {old} → {new}</translation>
    </message>
    <message>
        <source>(OLDER than the installed version)</source>
        <translation>(ÄLTER als die installierte Version)</translation>
    </message>
    <message>
        <source>{deck}: {version}{warning}; {new} new, {updated} updated, {retired} retired, {restored} restored, {unchanged} unchanged</source>
        <translation>{deck}: {version}{warning}; {new} neu, {updated} aktualisiert, {retired} ausgemustert, {restored} wiederhergestellt, {unchanged} unverändert</translation>
    </message>
    <message numerus="yes">
        <source>%n past review(s) to bring in</source>
        <translation>
            <numerusform>%n frühere Wiederholung zum Übernehmen</numerusform>
            <numerusform>%n frühere Wiederholungen zum Übernehmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln card(s) suspended or buried in the file arrive suspended (Browse lets them back in)</source>
        <translation>
            <numerusform>%Ln Karte ist in der Datei ausgesetzt oder zurückgestellt und kommt ausgesetzt an (unter Durchsuchen holst du sie zurück)</numerusform>
            <numerusform>%Ln Karten sind in der Datei ausgesetzt oder zurückgestellt und kommen ausgesetzt an (unter Durchsuchen holst du sie zurück)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln thing(s) skipped (see the details)</source>
        <translation>
            <numerusform>%Ln Eintrag übersprungen (siehe Details)</numerusform>
            <numerusform>%Ln Einträge übersprungen (siehe Details)</numerusform>
        </translation>
    </message>
    <message>
        <source>'{old}' was renamed to '{new}' in Anki: it stays the same deck, with its progress</source>
        <translation>„{old}“ wurde in Anki in „{new}“ umbenannt: Es bleibt derselbe Stapel, mit deinem Fortschritt</translation>
    </message>
    <message numerus="yes">
        <source>'{deck}' takes over %Ln card(s) from '{source}' (moved in Anki), schedule and answers included</source>
        <translation>
            <numerusform>„{deck}“ übernimmt %Ln Karte aus „{source}“ (in Anki verschoben), samt Zeitplan und Antworten</numerusform>
            <numerusform>„{deck}“ übernimmt %Ln Karten aus „{source}“ (in Anki verschoben), samt Zeitplan und Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>'{title}' comes in as a deck of its own ('{id}'): the installed deck '{other}' has the same name but came from {origin}, and this file leaves it alone</source>
        <translation>„{title}“ kommt als eigener Stapel („{id}“) hinzu: Der installierte Stapel „{other}“ hat denselben Namen, stammt aber aus {origin}, und diese Datei lässt ihn unverändert</translation>
    </message>
    <message>
        <source>an Anki package</source>
        <translation>einem Anki-Paket</translation>
    </message>
    <message>
        <source>a GIFT file</source>
        <translation>einer GIFT-Datei</translation>
    </message>
    <message>
        <source>a CSV file</source>
        <translation>einer CSV-Datei</translation>
    </message>
    <message>
        <source>'{title}' is already installed, and this file has a deck of the same name: importing it would retire 1 card or question of the installed deck that this file does not have (they are hidden; their answers are kept).</source>
        <translation>„{title}“ ist schon installiert, und diese Datei enthält einen Stapel mit demselben Namen. Der Import würde 1 Karte oder Frage des installierten Stapels ausmustern, die in dieser Datei fehlt (sie wird ausgeblendet, ihre Antworten bleiben erhalten).</translation>
    </message>
    <message numerus="yes">
        <source>'{title}' is already installed, and this file has a deck of the same name: importing it would retire %Ln cards and questions of the installed deck that this file does not have (they are hidden; their answers are kept).</source>
        <translation>
            <numerusform>„{title}“ ist schon installiert, und diese Datei enthält einen Stapel mit demselben Namen. Der Import würde %Ln Karte oder Frage des installierten Stapels ausmustern, die in dieser Datei fehlt (sie wird ausgeblendet, ihre Antworten bleiben erhalten).</numerusform>
            <numerusform>„{title}“ ist schon installiert, und diese Datei enthält einen Stapel mit demselben Namen. Der Import würde %Ln Karten und Fragen des installierten Stapels ausmustern, die in dieser Datei fehlen (sie werden ausgeblendet, ihre Antworten bleiben erhalten).</numerusform>
        </translation>
    </message>
    <message>
        <source>deck id '{id}' is kept for the cards a rep writes in the browser; give the deck another id</source>
        <translation>die Stapel-ID „{id}“ ist für Meine Karten reserviert (die Karten, die du selbst schreibst); gib dem Stapel eine andere ID</translation>
    </message>
    <message>
        <source>deck '{id}': {where} holds characters that are not text (half of a UTF-16 pair)</source>
        <translation>Stapel „{id}“: {where} enthält Zeichen, die kein Text sind (ein halbes UTF-16-Paar)</translation>
    </message>
    <message>
        <source>{file}: deck '{deck}' changed while this import was being prepared; nothing was imported. Try again.</source>
        <translation>{file}: Der Stapel „{deck}“ hat sich geändert, während dieser Import vorbereitet wurde. Es wurde nichts importiert. Versuch es noch einmal.</translation>
    </message>
    <message>
        <source>{file}: the decks were imported, but their pictures could not be put in place ({error}); the next start tries again</source>
        <translation>{file}: Die Stapel wurden importiert, aber ihre Bilder ließen sich nicht ablegen ({error}); beim nächsten Start wird es erneut versucht</translation>
    </message>
    <message>
        <source>its details</source>
        <translation>seine Angaben</translation>
    </message>
    <message>
        <source>item '{id}'</source>
        <translation>Element „{id}“</translation>
    </message>
</context>
<context>
    <name>KeeperText</name>
    <message>
        <source>Sales Trainer</source>
        <translation>Sales Trainer</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sicherung läuft…</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Gesichert</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>Gesichert unter {path}</translation>
    </message>
    <message>
        <source>Backing up the profile as it is now…</source>
        <translation>Das Profil wird im jetzigen Stand gesichert…</translation>
    </message>
    <message>
        <source>Updating the restored profile for this version…</source>
        <translation>Das wiederhergestellte Profil wird für diese Version aktualisiert…</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Restored the backup from {when}. The profile as it was is kept as {name}: File &gt; Restore from backup puts it back.</source>
        <translation>Die Sicherung vom {when} ist wiederhergestellt. Dein bisheriges Profil liegt als {name} bereit: Mit Datei &gt; Aus Sicherung wiederherstellen holst du es zurück.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Sicherung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Check Database</source>
        <translation>Datenbank prüfen</translation>
    </message>
    <message>
        <source>The check on closing found a problem:

{problems}

Tools &gt; Check Database repairs it next time.</source>
        <translation>Die Prüfung beim Beenden hat ein Problem gefunden:

{problems}

Extras &gt; Datenbank prüfen behebt es beim nächsten Mal.</translation>
    </message>
</context>
<context>
    <name>MainWindowText</name>
    <message>
        <source>Sales Trainer</source>
        <translation>Sales Trainer</translation>
    </message>
    <message>
        <source>{deck}: due question</source>
        <translation>{deck}: fällige Frage</translation>
    </message>
    <message>
        <source>Practice saved: {rating}. Next time: {missed}.</source>
        <translation>Übung gespeichert: {rating}. Nächstes Mal: {missed}.</translation>
    </message>
    <message>
        <source>Practice saved: {rating}, every check met.</source>
        <translation>Übung gespeichert: {rating}, alle Kriterien erfüllt.</translation>
    </message>
    <message>
        <source>Take the quiz: {title}</source>
        <translation>Quiz machen: {title}</translation>
    </message>
    <message>
        <source>Study: {title}</source>
        <translation>Lernen: {title}</translation>
    </message>
    <message>
        <source>Answer undone</source>
        <translation>Antwort zurückgenommen</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>Rückgängig machen nicht möglich</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
</context>
<context>
    <name>MenusText</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export progress…</source>
        <translation>Fortschritt e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Open &amp;cohort…</source>
        <translation>&amp;Kohorte öffnen…</translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation>&amp;Profile…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>Aus Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>&amp;Decks</source>
        <translation>&amp;Stapel</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>&amp;Statistik</translation>
    </message>
    <message>
        <source>&amp;Browse</source>
        <translation>&amp;Durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Check Database</source>
        <translation>Datenbank &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Optionen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Optimize my schedule…</source>
        <translation>&amp;Zeitplan optimieren…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Sales Trainer</source>
        <translation>&amp;Über Sales Trainer</translation>
    </message>
</context>
<context>
    <name>OptimizeDialogText</name>
    <message>
        <source>Your schedule decides when each card comes back, using a model of memory with a few dozen numbers in it. The standard numbers suit most people. This looks at your own answers so far and fits numbers to how &lt;i&gt;you&lt;/i&gt; remember.</source>
        <translation>Dein Zeitplan legt fest, wann jede Karte wiederkommt. Dafür nutzt er ein Gedächtnismodell mit ein paar Dutzend Zahlen. Die Standardwerte passen für die meisten. Hier werden deine bisherigen Antworten ausgewertet und die Zahlen daran angepasst, wie &lt;i&gt;du&lt;/i&gt; dir Dinge merkst.</translation>
    </message>
    <message>
        <source>To be fair, numbers fitted on your earlier answers are asked to predict your later ones, which they have not seen. They are kept only if they predict better than the ones in use; otherwise nothing changes. Your cards and history are never changed.</source>
        <translation>Damit der Vergleich fair bleibt, müssen Zahlen, die an deinen früheren Antworten angepasst wurden, deine späteren vorhersagen, die sie nicht kennen. Sie werden nur übernommen, wenn sie besser vorhersagen als die aktuellen; sonst ändert sich nichts. Deine Karten und dein Verlauf bleiben immer unverändert.</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>New settings kept.</source>
        <translation>Neue Einstellungen übernommen.</translation>
    </message>
    <message>
        <source>New settings are better.</source>
        <translation>Die neuen Einstellungen sind besser.</translation>
    </message>
    <message>
        <source>Kept your current settings.</source>
        <translation>Deine aktuellen Einstellungen bleiben.</translation>
    </message>
    <message>
        <source>Not enough history yet.</source>
        <translation>Noch nicht genug Verlauf.</translation>
    </message>
    <message numerus="yes">
        <source>Tested on %Ln of your answers, each predicted only from the answers before it (lower is better):</source>
        <translation>
            <numerusform>Getestet an %Ln Antwort, vorhergesagt nur aus den Antworten davor (niedriger ist besser):</numerusform>
            <numerusform>Getestet an %Ln deiner Antworten, jede nur aus den Antworten davor vorhergesagt (niedriger ist besser):</numerusform>
        </translation>
    </message>
    <message>
        <source>before</source>
        <translation>vorher</translation>
    </message>
    <message>
        <source>after</source>
        <translation>nachher</translation>
    </message>
    <message>
        <source>Log loss</source>
        <translation>Log-Loss</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>Optimize my schedule</source>
        <translation>Meinen Zeitplan optimieren</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Optimizing your schedule…</source>
        <translation>Dein Zeitplan wird optimiert…</translation>
    </message>
</context>
<context>
    <name>OptimizerText</name>
    <message numerus="yes">
        <source>There is not enough history to tune your schedule yet. It learns from answers to cards you had already seen on an earlier day: it needs at least {needed} of those, across at least {cards_needed} different cards. So far you have {answers} across %n card(s). Keep studying and try again later; until then the standard settings, which suit most people, stay in use.</source>
        <translation>
            <numerusform>Es gibt noch nicht genug Verlauf, um deinen Zeitplan anzupassen. Die Anpassung lernt aus Antworten auf Karten, die du schon an einem früheren Tag gesehen hattest. Sie braucht mindestens {needed} davon, verteilt auf mindestens {cards_needed} verschiedene Karten. Bisher hast du {answers}, verteilt auf %n Karte. Lern weiter und versuch es später noch einmal. Bis dahin gelten die Standardeinstellungen, die für die meisten gut passen.</numerusform>
            <numerusform>Es gibt noch nicht genug Verlauf, um deinen Zeitplan anzupassen. Die Anpassung lernt aus Antworten auf Karten, die du schon an einem früheren Tag gesehen hattest. Sie braucht mindestens {needed} davon, verteilt auf mindestens {cards_needed} verschiedene Karten. Bisher hast du {answers}, verteilt auf %n Karten. Lern weiter und versuch es später noch einmal. Bis dahin gelten die Standardeinstellungen, die für die meisten gut passen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading your answers…</source>
        <translation>Deine Antworten werden gelesen…</translation>
    </message>
    <message>
        <source>Checking new parameters on your later answers…</source>
        <translation>Neue Parameter werden an deinen späteren Antworten geprüft…</translation>
    </message>
    <message>
        <source>Fitting parameters to all your answers…</source>
        <translation>Parameter werden an alle deine Antworten angepasst…</translation>
    </message>
    <message>
        <source>Comparing them with the ones in use…</source>
        <translation>Vergleich mit den Parametern, die gerade gelten…</translation>
    </message>
    <message>
        <source>New parameters could not be fitted to your history ({error}); your schedule is unchanged.</source>
        <translation>Neue Parameter ließen sich nicht an deinen Verlauf anpassen ({error}). Dein Zeitplan bleibt, wie er ist.</translation>
    </message>
    <message>
        <source>Your current settings already predict what you remember as well as new ones would, so nothing was changed.</source>
        <translation>Deine aktuellen Einstellungen sagen schon so gut wie neue voraus, woran du dich erinnerst. Deshalb wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The fitted parameters fall outside the range the scheduler accepts, so nothing was changed.</source>
        <translation>Die angepassten Parameter liegen außerhalb des Bereichs, den die Zeitplanung annimmt. Deshalb wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Parameters fitted to your own answers would predict what you remember better than the ones in use. Nothing was saved (dry run).</source>
        <translation>An deine eigenen Antworten angepasste Parameter würden besser vorhersagen, woran du dich erinnerst, als die aktuellen. Es wurde nichts gespeichert (Probelauf).</translation>
    </message>
    <message>
        <source>Parameters fitted to your own answers predict what you remember better than the ones in use. Your schedule now uses them.</source>
        <translation>An deine eigenen Antworten angepasste Parameter sagen besser vorher, woran du dich erinnerst, als die bisherigen. Dein Zeitplan nutzt sie ab jetzt.</translation>
    </message>
</context>
<context>
    <name>OutputsText</name>
    <message>
        <source>{file}: holds a database (a profile or a backup, or SQLite's file beside one); an export never writes over it. Choose another file name.</source>
        <translation>{file}: enthält eine Datenbank (ein Profil, eine Sicherung oder die Datei, die SQLite daneben führt); ein Export überschreibt sie nie. Wählen Sie einen anderen Dateinamen.</translation>
    </message>
</context>
<context>
    <name>PathPanelText</name>
    <message>
        <source>Learning path steps</source>
        <translation>Schritte des Lernpfads</translation>
    </message>
    <message numerus="yes">
        <source>day {day} · {done} of %n step(s) done</source>
        <translation>
            <numerusform>Tag {day} · {done} von %n Schritt erledigt</numerusform>
            <numerusform>Tag {day} · {done} von %n Schritten erledigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{status} · %n behind</source>
        <translation>
            <numerusform>{status} · %n überfällig</numerusform>
            <numerusform>{status} · %n überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>{mark}  Day {day}: {title}  ({progress})  behind</source>
        <translation>{mark}  Tag {day}: {title}  ({progress})  überfällig</translation>
    </message>
    <message>
        <source>{mark}  Day {day}: {title}  ({progress})</source>
        <translation>{mark}  Tag {day}: {title}  ({progress})</translation>
    </message>
</context>
<context>
    <name>PathServiceText</name>
    <message>
        <source>deck not installed</source>
        <translation>Stapel nicht installiert</translation>
    </message>
    <message>
        <source>Study {deck}</source>
        <translation>{deck} lernen</translation>
    </message>
    <message numerus="yes">
        <source>{studied} of %n cards</source>
        <translation>
            <numerusform>{studied} von %n Karte</numerusform>
            <numerusform>{studied} von %n Karten</numerusform>
        </translation>
    </message>
    <message>
        <source>quiz not installed</source>
        <translation>Quiz nicht installiert</translation>
    </message>
    <message>
        <source>not taken yet</source>
        <translation>noch nicht gemacht</translation>
    </message>
    <message>
        <source>best {best}% (pass {mark}%)</source>
        <translation>Bestwert {best} % (bestanden ab {mark} %)</translation>
    </message>
    <message>
        <source>Pass the quiz: {quiz}</source>
        <translation>Quiz bestehen: {quiz}</translation>
    </message>
    <message>
        <source>self-check not installed</source>
        <translation>Selbsttest nicht installiert</translation>
    </message>
    <message>
        <source>Retake the self-check: {check}</source>
        <translation>Selbsttest wiederholen: {check}</translation>
    </message>
    <message>
        <source>taken again</source>
        <translation>erneut gemacht</translation>
    </message>
    <message>
        <source>Take the self-check: {check}</source>
        <translation>Selbsttest machen: {check}</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>gemacht</translation>
    </message>
    <message>
        <source>taken not yet; take it again to see how you moved</source>
        <translation>noch nicht gemacht; mach ihn zweimal, um deine Entwicklung zu sehen</translation>
    </message>
    <message>
        <source>taken once; take it again to see how you moved</source>
        <translation>einmal gemacht; mach ihn noch einmal, um deine Entwicklung zu sehen</translation>
    </message>
    <message>
        <source>taken twice; take it again to see how you moved</source>
        <translation>zweimal gemacht; mach ihn noch einmal, um deine Entwicklung zu sehen</translation>
    </message>
    <message numerus="yes">
        <source>taken %n times; take it again to see how you moved</source>
        <translation>
            <numerusform>%n-mal gemacht; mach ihn noch einmal, um deine Entwicklung zu sehen</numerusform>
            <numerusform>%n-mal gemacht; mach ihn noch einmal, um deine Entwicklung zu sehen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PracticeViewText</name>
    <message>
        <source>Answer undone</source>
        <translation>Antwort zurückgenommen</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts zurückzunehmen</translation>
    </message>
    <message>
        <source>Type what you would say to the prospect…</source>
        <translation>Schreib auf, was du dem Interessenten sagen würdest…</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Deine Antwort</translation>
    </message>
    <message>
        <source>Compare with the model  (Ctrl+Enter)</source>
        <translation>Mit der Musterantwort vergleichen  (Strg+Enter)</translation>
    </message>
    <message>
        <source>I said it out loud  (Ctrl+L)</source>
        <translation>Ich habe es laut gesagt  (Strg+L)</translation>
    </message>
    <message>
        <source>Model reply</source>
        <translation>Musterantwort</translation>
    </message>
    <message>
        <source>Save and go on  (Enter)</source>
        <translation>Speichern und weiter  (Enter)</translation>
    </message>
    <message>
        <source>Tick what your reply did (1-5)</source>
        <translation>Hak ab, was deine Antwort erfüllt (1-5)</translation>
    </message>
    <message>
        <source>Practice what you say</source>
        <translation>Formulierung üben</translation>
    </message>
    <message>
        <source>{title}: practise what you say</source>
        <translation>{title}: Formulierung üben</translation>
    </message>
    <message>
        <source>The prospect says:</source>
        <translation>Der Interessent sagt:</translation>
    </message>
    <message>
        <source>Ctrl+Enter: compare with the model · Ctrl+L: I said it out loud · Ctrl+Z: undo · Esc: back to decks</source>
        <translation>Strg+Enter: mit der Musterantwort vergleichen · Strg+L: laut gesagt · Strg+Z: rückgängig · Esc: zurück zu den Stapeln</translation>
    </message>
    <message>
        <source>Type your reply first, or choose "I said it out loud".</source>
        <translation>Schreib zuerst deine Antwort oder wähle „Ich habe es laut gesagt“.</translation>
    </message>
    <message>
        <source>(said out loud)</source>
        <translation>(laut gesagt)</translation>
    </message>
    <message>
        <source>No model reply came with this item.</source>
        <translation>Zu dieser Übung gibt es keine Musterantwort.</translation>
    </message>
    <message numerus="yes">
        <source>Last time ({when}), {rating}, {met} of %n checks: {said}</source>
        <translation>
            <numerusform>Letztes Mal ({when}): {rating}, {met} von %n Kriterium erfüllt: {said}</numerusform>
            <numerusform>Letztes Mal ({when}): {rating}, {met} von %n Kriterien erfüllt: {said}</numerusform>
        </translation>
    </message>
    <message>
        <source>The prospect said:</source>
        <translation>Der Interessent hat gesagt:</translation>
    </message>
    <message>
        <source>1-5: tick a check · Enter: save and go on · Esc: back to decks</source>
        <translation>1-5: Kriterium abhaken · Enter: speichern und weiter · Esc: zurück zu den Stapeln</translation>
    </message>
    <message numerus="yes">
        <source>{met} of %n checks: rated {rating}</source>
        <translation>
            <numerusform>{met} von %n Kriterium erfüllt: Bewertung {rating}</numerusform>
            <numerusform>{met} von %n Kriterien erfüllt: Bewertung {rating}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfilesDialogText</name>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Each profile keeps its own decks, progress, settings and backups: one per person, or one for practice. Opening another closes this one (backed up as on any close).</source>
        <translation>Jedes Profil hat eigene Stapel, Fortschritte, Einstellungen und Sicherungen: eines pro Person oder eines zum Üben. Öffnest du ein anderes, wird dieses geschlossen (und wie bei jedem Schließen gesichert).</translation>
    </message>
    <message>
        <source>last used {when}</source>
        <translation>zuletzt genutzt {when}</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>{name}  (open now) · {when}</source>
        <translation>{name}  (jetzt geöffnet) · {when}</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Name of the new profile:</source>
        <translation>Name des neuen Profils:</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>Profil umbenennen</translation>
    </message>
    <message>
        <source>New name for '{name}':</source>
        <translation>Neuer Name für „{name}“:</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Delete the profile '{name}'? Its folder, with its progress and backups, is moved to deleted-profiles in the data folder, from where it can be put back.</source>
        <translation>Profil „{name}“ löschen? Sein Ordner mit Fortschritt und Sicherungen wird nach deleted-profiles im Datenordner verschoben. Von dort lässt er sich zurückholen.</translation>
    </message>
</context>
<context>
    <name>ProfilesServiceText</name>
    <message>
        <source>'{name}' cannot be a profile name: use letters, digits, spaces, '.', '-' and '_' (up to 64), starting with a letter or digit</source>
        <translation>„{name}“ geht nicht als Profilname: Verwende Buchstaben (ohne Umlaute), Ziffern, Leerzeichen, „.“, „-“ und „_“ (bis zu 64 Zeichen), am Anfang ein Buchstabe oder eine Ziffer</translation>
    </message>
    <message>
        <source>There is already a profile called '{name}'</source>
        <translation>Es gibt schon ein Profil namens „{name}“</translation>
    </message>
    <message>
        <source>Cannot make the profile folder {folder}: {error}</source>
        <translation>Der Profilordner {folder} lässt sich nicht anlegen: {error}</translation>
    </message>
    <message>
        <source>'{name}' is the profile open in this window: open another one first</source>
        <translation>„{name}“ ist das Profil, das in diesem Fenster offen ist: Öffne zuerst ein anderes</translation>
    </message>
    <message>
        <source>'{name}' is in use: {reason}</source>
        <translation>„{name}“ wird gerade verwendet: {reason}</translation>
    </message>
    <message>
        <source>Cannot rename '{name}': {error}</source>
        <translation>„{name}“ lässt sich nicht umbenennen: {error}</translation>
    </message>
    <message>
        <source>Cannot delete '{name}': {error}</source>
        <translation>„{name}“ lässt sich nicht löschen: {error}</translation>
    </message>
</context>
<context>
    <name>ProgressDialogText</name>
    <message>
        <source>the decks you have and their versions</source>
        <translation>deine Stapel und ihre Versionen</translation>
    </message>
    <message>
        <source>how well you know each card and question, with the start of its text</source>
        <translation>wie gut du jede Karte und Frage kannst, mit dem Anfang ihres Texts</translation>
    </message>
    <message>
        <source>everything you answered so far ({counts})</source>
        <translation>alles, was du bisher beantwortet hast ({counts})</translation>
    </message>
    <message>
        <source>your quiz answers as you gave them, with how certain you were</source>
        <translation>deine Quiz-Antworten, wie du sie gegeben hast, und wie sicher du dir warst</translation>
    </message>
    <message>
        <source>your self-assessment choices and scores, and your learning path progress</source>
        <translation>deine Angaben und Ergebnisse in Selbsteinschätzungen und deinen Fortschritt im Lernpfad</translation>
    </message>
    <message>
        <source>anyone else's name or progress</source>
        <translation>Namen oder Fortschritte anderer</translation>
    </message>
    <message>
        <source>anything outside this profile: other profiles, files or settings</source>
        <translation>etwas außerhalb dieses Profils: andere Profile, Dateien oder Einstellungen</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Fortschritt exportieren</translation>
    </message>
    <message>
        <source>Your progress, as one file to send to your trainer.</source>
        <translation>Dein Fortschritt als eine Datei für deinen Trainer.</translation>
    </message>
    <message>
        <source>The file holds:</source>
        <translation>Die Datei enthält:</translation>
    </message>
    <message>
        <source>It does not hold:</source>
        <translation>Sie enthält nicht:</translation>
    </message>
    <message>
        <source>Nothing is sent anywhere: you save the file and choose who gets it.</source>
        <translation>Es wird nichts verschickt: Du speicherst die Datei und entscheidest, wer sie bekommt.</translation>
    </message>
    <message>
        <source>Made once for this profile; it tells your exports apart from other people's without saying who you are.</source>
        <translation>Einmal für dieses Profil erzeugt. Sie unterscheidet deine Exporte von denen anderer, ohne zu verraten, wer du bist.</translation>
    </message>
    <message>
        <source>Learner id:</source>
        <translation>Lernenden-ID:</translation>
    </message>
    <message>
        <source>empty: your trainer sees only the learner id</source>
        <translation>leer: Dein Trainer sieht nur die Lernenden-ID</translation>
    </message>
    <message>
        <source>&amp;Name your trainer sees:</source>
        <translation>&amp;Name, den dein Trainer sieht:</translation>
    </message>
    <message>
        <source>&amp;Save progress file…</source>
        <translation>Fortschrittsdatei &amp;speichern…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>{names} already exists in {folder}. Replace it?</source>
        <translation>{names} gibt es in {folder} schon. Ersetzen?</translation>
    </message>
    <message>
        <source>{names} already exist in {folder}. Replace them?</source>
        <translation>{names} gibt es in {folder} schon. Ersetzen?</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>Dateien ersetzen?</translation>
    </message>
    <message>
        <source>The name cannot be used: {error}.</source>
        <translation>Der Name ist nicht verwendbar: {error}.</translation>
    </message>
    <message>
        <source>Save progress file</source>
        <translation>Fortschrittsdatei speichern</translation>
    </message>
    <message>
        <source>Progress files</source>
        <translation>Fortschrittsdateien</translation>
    </message>
    <message>
        <source>Saving the progress file…</source>
        <translation>Fortschrittsdatei wird gespeichert…</translation>
    </message>
    <message>
        <source>The progress file was not saved.

{error}</source>
        <translation>Die Fortschrittsdatei wurde nicht gespeichert.

{error}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved&lt;/b&gt; to {path}</source>
        <translation>&lt;b&gt;Gespeichert&lt;/b&gt; unter {path}</translation>
    </message>
    <message>
        <source>{summary}. Send this file to your trainer.</source>
        <translation>{summary}. Schick diese Datei an deinen Trainer.</translation>
    </message>
    <message>
        <source>Folder for the CSV files</source>
        <translation>Ordner für die CSV-Dateien</translation>
    </message>
    <message>
        <source>Exporting CSV files…</source>
        <translation>CSV-Dateien werden exportiert…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>The CSV files were not saved.

{error}</source>
        <translation>Die CSV-Dateien wurden nicht gespeichert.

{error}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved&lt;/b&gt; {files} to {folder}</source>
        <translation>&lt;b&gt;Gespeichert:&lt;/b&gt; {files} in {folder}</translation>
    </message>
</context>
<context>
    <name>ProgressExportText</name>
    <message>
        <source>Writing your cards and questions…</source>
        <translation>Deine Karten und Fragen werden geschrieben…</translation>
    </message>
    <message>
        <source>Writing your answers…</source>
        <translation>Deine Antworten werden geschrieben…</translation>
    </message>
    <message>
        <source>Writing your quiz attempts…</source>
        <translation>Deine Quizversuche werden geschrieben…</translation>
    </message>
    <message>
        <source>Writing your answers in daily study…</source>
        <translation>Deine Antworten beim täglichen Lernen werden geschrieben…</translation>
    </message>
    <message>
        <source>Writing your self-assessments…</source>
        <translation>Deine Selbsteinschätzungen werden geschrieben…</translation>
    </message>
    <message>
        <source>Writing your practice replies…</source>
        <translation>Deine Übungsantworten werden geschrieben…</translation>
    </message>
    <message>
        <source>{path}: is a folder; give a file name to write</source>
        <translation>{path}: ist ein Ordner; gib einen Dateinamen an</translation>
    </message>
    <message>
        <source>Saving the file…</source>
        <translation>Die Datei wird gespeichert…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln Antwort</numerusform>
            <numerusform>%Ln Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln quiz attempt(s)</source>
        <translation>
            <numerusform>%Ln Quizversuch</numerusform>
            <numerusform>%Ln Quizversuche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln self-assessment(s)</source>
        <translation>
            <numerusform>%Ln Selbsteinschätzung</numerusform>
            <numerusform>%Ln Selbsteinschätzungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuizFlowText</name>
    <message>
        <source>Picked up where you left off.</source>
        <translation>Es geht da weiter, wo du aufgehört hast.</translation>
    </message>
    <message>
        <source>Sales Trainer</source>
        <translation>Sales Trainer</translation>
    </message>
    <message>
        <source>{title} (missed questions)</source>
        <translation>{title} (falsch beantwortete Fragen)</translation>
    </message>
    <message>
        <source>Unfinished quiz</source>
        <translation>Quiz nicht beendet</translation>
    </message>
    <message>
        <source>You did not finish “{title}” ({answered} of {total} answered). Your answers are saved.</source>
        <translation>Du hast „{title}“ nicht beendet ({answered} von {total} beantwortet). Deine Antworten sind gespeichert.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
</context>
<context>
    <name>QuizResultsText</name>
    <message>
        <source>Low certainty</source>
        <translation>Niedrige Sicherheit</translation>
    </message>
    <message>
        <source>Medium certainty</source>
        <translation>Mittlere Sicherheit</translation>
    </message>
    <message>
        <source>High certainty</source>
        <translation>Hohe Sicherheit</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Not passed yet</source>
        <translation>Noch nicht bestanden</translation>
    </message>
    <message>
        <source>(pass mark {percent}%)</source>
        <translation>(bestanden ab {percent}%)</translation>
    </message>
    <message numerus="yes">
        <source>Accuracy: {percent}% of %n answered fully right</source>
        <translation>
            <numerusform>Genauigkeit: {percent}% ganz richtig bei %n Antwort</numerusform>
            <numerusform>Genauigkeit: {percent}% ganz richtig bei %n Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>Certainty score: {score} per question (from -6 to +3)</source>
        <translation>Sicherheitswertung: {score} pro Frage (von -6 bis +3)</translation>
    </message>
    <message>
        <source>(overconfident)</source>
        <translation>(zu selbstsicher)</translation>
    </message>
    <message numerus="yes">
        <source>{certainty}: {percent}% right of %n</source>
        <translation>
            <numerusform>{certainty}: {percent}% richtig bei %n Antwort</numerusform>
            <numerusform>{certainty}: {percent}% richtig bei %n Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>How sure you were, and how right</source>
        <translation>Wie sicher du warst – und wie richtig</translation>
    </message>
    <message>
        <source>By topic</source>
        <translation>Nach Thema</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Noch einmal ansehen</translation>
    </message>
    <message>
        <source>sure but wrong</source>
        <translation>sicher, aber falsch</translation>
    </message>
    <message>
        <source>{percent}% credit</source>
        <translation>{percent}% der Punkte</translation>
    </message>
    <message>
        <source>Every question fully right.</source>
        <translation>Alle Fragen ganz richtig.</translation>
    </message>
    <message>
        <source>Retake  (R)</source>
        <translation>Erneut versuchen  (R)</translation>
    </message>
    <message>
        <source>Review missed  (M)</source>
        <translation>Fehler wiederholen  (M)</translation>
    </message>
    <message>
        <source>Back to decks  (Esc)</source>
        <translation>Zurück zu den Stapeln  (Esc)</translation>
    </message>
    <message>
        <source>Quiz results</source>
        <translation>Quizergebnisse</translation>
    </message>
</context>
<context>
    <name>QuizServiceText</name>
    <message>
        <source>quiz '{title}' has no questions to ask</source>
        <translation>Das Quiz „{title}“ enthält keine Fragen.</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Wahr</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Falsch</translation>
    </message>
    <message>
        <source>Not one of the accepted answers.</source>
        <translation>Keine der akzeptierten Antworten.</translation>
    </message>
</context>
<context>
    <name>QuizViewText</name>
    <message>
        <source>Choose an answer first.</source>
        <translation>Wähle zuerst eine Antwort.</translation>
    </message>
    <message>
        <source>How sure are you?</source>
        <translation>Wie sicher bist du?</translation>
    </message>
    <message>
        <source>Say how sure you are: {low}, {medium} or {high}.</source>
        <translation>Gib an, wie sicher du bist: {low}, {medium} oder {high}.</translation>
    </message>
    <message>
        <source>1-9: choose · {low} / {medium} / {high}: how sure · Enter: submit, then next · Esc: leave (answers are kept)</source>
        <translation>1-9: auswählen · {low} / {medium} / {high}: wie sicher · Enter: abgeben, dann weiter · Esc: verlassen (Antworten bleiben erhalten)</translation>
    </message>
    <message>
        <source>Quiz question</source>
        <translation>Quizfrage</translation>
    </message>
    <message>
        <source>Question {number} of {total} · {topic}</source>
        <translation>Frage {number} von {total} · {topic}</translation>
    </message>
    <message>
        <source>Choose every option that applies.</source>
        <translation>Wähle alle zutreffenden Optionen.</translation>
    </message>
    <message>
        <source>Submit  (Enter)</source>
        <translation>Abgeben  (Enter)</translation>
    </message>
    <message>
        <source>See results  (Enter)</source>
        <translation>Zum Ergebnis  (Enter)</translation>
    </message>
    <message>
        <source>Next  (Enter)</source>
        <translation>Weiter  (Enter)</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Richtig</translation>
    </message>
    <message>
        <source>Partly right ({percent}% credit)</source>
        <translation>Teilweise richtig ({percent}% der Punkte)</translation>
    </message>
    <message>
        <source>Not right</source>
        <translation>Nicht richtig</translation>
    </message>
    <message>
        <source>certainty mark {marks}</source>
        <translation>Sicherheitspunkte {marks}</translation>
    </message>
    <message>
        <source>You were sure, and it was wrong: worth a second look.</source>
        <translation>Du warst dir sicher, und es war falsch. Schau es dir noch einmal an.</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Warum:</translation>
    </message>
</context>
<context>
    <name>ReminderTrayText</name>
    <message>
        <source>Time for today's sales training</source>
        <translation>Zeit für dein heutiges Verkaufstraining</translation>
    </message>
    <message>
        <source>&amp;Open Sales Trainer</source>
        <translation>Sales Trainer ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>RemindersText</name>
    <message numerus="yes">
        <source>%Ln review(s)</source>
        <translation>
            <numerusform>%Ln Wiederholung</numerusform>
            <numerusform>%Ln Wiederholungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new item(s)</source>
        <translation>
            <numerusform>%Ln neues Element</numerusform>
            <numerusform>%Ln neue Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting today: {reviews} and {new}.</source>
        <translation>Heute wartet auf dich: {reviews} und {new}.</translation>
    </message>
    <message>
        <source>Waiting today: {items}.</source>
        <translation>Heute wartet auf dich: {items}.</translation>
    </message>
</context>
<context>
    <name>ReviewViewText</name>
    <message>
        <source>Show answer  (Space)</source>
        <translation>Antwort zeigen  (Leertaste)</translation>
    </message>
    <message>
        <source>Space: show answer · 1-4: answer · Ctrl+Z: undo · Esc: back to decks</source>
        <translation>Leertaste: Antwort zeigen · 1-4: antworten · Strg+Z: rückgängig · Esc: zurück zu den Stapeln</translation>
    </message>
    <message>
        <source>Card review</source>
        <translation>Kartenwiederholung</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>Lernphase</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Source: {credit}</source>
        <translation>Quelle: {credit}</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts zum Rückgängigmachen</translation>
    </message>
    <message>
        <source>Answer undone</source>
        <translation>Antwort zurückgenommen</translation>
    </message>
</context>
<context>
    <name>ScoringText</name>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>L</source>
        <comment>key for Low certainty</comment>
        <translation>N</translation>
    </message>
    <message>
        <source>M</source>
        <comment>key for Medium certainty</comment>
        <translation>M</translation>
    </message>
    <message>
        <source>H</source>
        <comment>key for High certainty</comment>
        <translation>H</translation>
    </message>
    <message>
        <source>overconfident</source>
        <translation>zu selbstsicher</translation>
    </message>
    <message>
        <source>underconfident</source>
        <translation>zu zurückhaltend</translation>
    </message>
    <message>
        <source>well calibrated</source>
        <translation>gut eingeschätzt</translation>
    </message>
</context>
<context>
    <name>ServiceText</name>
    <message>
        <source>This card was answered somewhere else since it was shown, so your answer was not saved; it is shown again as it is now.</source>
        <translation>Diese Karte wurde inzwischen an anderer Stelle beantwortet, deshalb ist deine Antwort nicht gespeichert. Du siehst sie jetzt noch einmal im aktuellen Stand.</translation>
    </message>
</context>
<context>
    <name>SettingsDialogText</name>
    <message>
        <source>{problem}

Close without this change? The saved settings stay as they are.</source>
        <translation>{problem}

Ohne diese Änderung schließen? Die gespeicherten Einstellungen bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>&amp;Close without it</source>
        <translation>Ohne sie &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Fix it</source>
        <translation>&amp;Korrigieren</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Desired retention</source>
        <translation>Gewünschte Behaltensrate</translation>
    </message>
    <message>
        <source>Learning steps</source>
        <translation>Lernschritte</translation>
    </message>
    <message>
        <source>Relearning steps</source>
        <translation>Schritte beim erneuten Lernen</translation>
    </message>
    <message>
        <source>The study day starts at</source>
        <translation>Der Lerntag beginnt um</translation>
    </message>
    <message>
        <source>Desired &amp;retention</source>
        <translation>Gewünschte &amp;Behaltensrate</translation>
    </message>
    <message>
        <source>The share of reviews you should remember when they come up. Higher means more reviews each day.</source>
        <translation>Der Anteil der Wiederholungen, an die du dich erinnern sollst, wenn sie drankommen. Höher heißt mehr Wiederholungen pro Tag.</translation>
    </message>
    <message>
        <source>&amp;Learning steps</source>
        <translation>&amp;Lernschritte</translation>
    </message>
    <message>
        <source>Waits between the first answers to a new item, written like 1m 10m (s, m and h also work).</source>
        <translation>Wartezeiten zwischen den ersten Antworten auf ein neues Element, geschrieben wie 1m 10m (s, m, h und d gehen auch).</translation>
    </message>
    <message>
        <source>R&amp;elearning steps</source>
        <translation>Sc&amp;hritte beim erneuten Lernen</translation>
    </message>
    <message>
        <source>Waits after you forget an item, before it goes back to its schedule.</source>
        <translation>Wartezeiten, nachdem du ein Element vergessen hast, bevor es in seinen Plan zurückkehrt.</translation>
    </message>
    <message>
        <source>Study day &amp;starts at</source>
        <translation>Lerntag &amp;beginnt um</translation>
    </message>
    <message>
        <source>Answers after midnight and before this hour count for the day before.</source>
        <translation>Antworten nach Mitternacht und vor dieser Uhrzeit zählen zum Vortag.</translation>
    </message>
    <message>
        <source>Scheduling</source>
        <translation>Planung</translation>
    </message>
    <message>
        <source>Deck</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>New a day</source>
        <translation>Neu pro Tag</translation>
    </message>
    <message>
        <source>Reviews a day</source>
        <translation>Wiederholungen pro Tag</translation>
    </message>
    <message>
        <source>{deck}: new items a day</source>
        <translation>{deck}: neue Elemente pro Tag</translation>
    </message>
    <message>
        <source>{deck}: reviews a day</source>
        <translation>{deck}: Wiederholungen pro Tag</translation>
    </message>
    <message>
        <source>Daily limits</source>
        <translation>Tageslimits</translation>
    </message>
    <message>
        <source>How many new items each deck brings a day, and how many reviews at most. Reviews over the limit wait for the next day.</source>
        <translation>Wie viele neue Elemente jeder Stapel pro Tag bringt und wie viele Wiederholungen höchstens. Wiederholungen über dem Limit warten auf den nächsten Tag.</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Re&amp;open now</source>
        <translation>Jetzt neu ö&amp;ffnen</translation>
    </message>
    <message>
        <source>The window speaks the new language when it next opens.</source>
        <translation>Das Fenster spricht die neue Sprache, sobald es neu geöffnet wird.</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Changes are saved as you make them.</source>
        <translation>Änderungen werden sofort gespeichert.</translation>
    </message>
    <message>
        <source>No workload estimate: {problem}</source>
        <translation>Keine Schätzung des Aufwands: {problem}</translation>
    </message>
    <message>
        <source>At {retention}%: about {reviews} reviews a day (about {minutes} min), averaged over a simulated year of your decks and daily limits.</source>
        <translation>Bei {retention} %: etwa {reviews} Wiederholungen am Tag (etwa {minutes} Min.), gemittelt über ein simuliertes Jahr mit deinen Stapeln und Tageslimits.</translation>
    </message>
    <message>
        <source>Could not save: {problem}</source>
        <translation>Speichern nicht möglich: {problem}</translation>
    </message>
    <message>
        <source>&amp;Remind me every day at</source>
        <translation>&amp;Jeden Tag erinnern um</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Uhrzeit der Erinnerung</translation>
    </message>
    <message>
        <source>Open Sales Trainer when I &amp;log in</source>
        <translation>Sales Trainer bei der &amp;Anmeldung öffnen</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>A notification says how much waits today, while Sales Trainer is open (minimised or in the system tray is enough). No reminder comes on a day with nothing to study.</source>
        <translation>Eine Benachrichtigung sagt dir, was heute ansteht, solange Sales Trainer läuft (minimiert oder im Systembereich der Taskleiste genügt). An Tagen ohne Lernstoff kommt keine Erinnerung.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so the reminder makes the window's taskbar entry flash and says what waits in its title, while Sales Trainer is open.</source>
        <translation>Dieser Desktop hat keinen Systembereich in der Taskleiste. Die Erinnerung lässt darum den Eintrag des Fensters in der Taskleiste blinken und nennt im Titel, was ansteht, solange Sales Trainer läuft.</translation>
    </message>
    <message>
        <source>Opens minimised when you log in, so that the reminder comes without you starting the app.</source>
        <translation>Öffnet sich minimiert, wenn du dich anmeldest, damit die Erinnerung kommt, ohne dass du die App startest.</translation>
    </message>
    <message>
        <source>Could not change the start at login: {problem}</source>
        <translation>Der Start bei der Anmeldung ließ sich nicht ändern: {problem}</translation>
    </message>
</context>
<context>
    <name>StatsDaysText</name>
    <message>
        <source>the first day {day} is out of range: give a day from {earliest} to {latest}</source>
        <translation>der erste Tag {day} liegt außerhalb des möglichen Zeitraums: gib einen Tag vom {earliest} bis {latest} an</translation>
    </message>
    <message>
        <source>the last day {day} is out of range: give a day from {earliest} to {latest}</source>
        <translation>der letzte Tag {day} liegt außerhalb des möglichen Zeitraums: gib einen Tag vom {earliest} bis {latest} an</translation>
    </message>
    <message>
        <source>the range starts on {first}, after it ends ({last})</source>
        <translation>der Zeitraum beginnt am {first}, also nach seinem Ende ({last})</translation>
    </message>
    <message>
        <source>the range starts on {first}, after it ends (today, {last})</source>
        <translation>der Zeitraum beginnt am {first}, also nach seinem Ende (heute, {last})</translation>
    </message>
    <message numerus="yes">
        <source>the range from {first} to {last} is longer than %Ln day(s)</source>
        <translation>
            <numerusform>der Zeitraum vom {first} bis {last} ist länger als %Ln Tag</numerusform>
            <numerusform>der Zeitraum vom {first} bis {last} ist länger als %Ln Tage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatsText</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>no deck '{deck}' in this profile (its decks: {known})</source>
        <translation>kein Stapel '{deck}' in diesem Profil (vorhandene Stapel: {known})</translation>
    </message>
    <message>
        <source>no topic '{topic}' in this profile (its topics: {known})</source>
        <translation>kein Thema '{topic}' in diesem Profil (vorhandene Themen: {known})</translation>
    </message>
    <message>
        <source>Topic: {topic}</source>
        <translation>Thema: {topic}</translation>
    </message>
    <message>
        <source>All decks</source>
        <translation>Alle Stapel</translation>
    </message>
</context>
<context>
    <name>StatsViewText</name>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Letzte 365 Tage</translation>
    </message>
    <message>
        <source>Custom dates…</source>
        <translation>Eigener Zeitraum…</translation>
    </message>
    <message>
        <source>Study days</source>
        <translation>Lerntage</translation>
    </message>
    <message>
        <source>Answers per day</source>
        <translation>Antworten pro Tag</translation>
    </message>
    <message>
        <source>Due in the next 30 days</source>
        <translation>Fällig in den nächsten 30 Tagen</translation>
    </message>
    <message>
        <source>True retention</source>
        <translation>Tatsächliche Behaltensrate</translation>
    </message>
    <message>
        <source>Answer buttons</source>
        <translation>Antworttasten</translation>
    </message>
    <message>
        <source>Mastery by topic</source>
        <translation>Beherrschung nach Thema</translation>
    </message>
    <message>
        <source>Quiz scores</source>
        <translation>Quizergebnisse</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>Self-checks beside quiz accuracy</source>
        <translation>Selbsttests neben der Quiz-Trefferquote</translation>
    </message>
    <message>
        <source>Practice by topic</source>
        <translation>Übung nach Thema</translation>
    </message>
    <message>
        <source>Rubric checks missed most</source>
        <translation>Am häufigsten verfehlte Kriterien</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Nochmal</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>Schwer</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>Einfach</translation>
    </message>
    <message>
        <source>Low certainty</source>
        <translation>Geringe Sicherheit</translation>
    </message>
    <message>
        <source>Medium certainty</source>
        <translation>Mittlere Sicherheit</translation>
    </message>
    <message>
        <source>High certainty</source>
        <translation>Hohe Sicherheit</translation>
    </message>
    <message numerus="yes">
        <source>No answers in these %n day(s) — study a deck and come back.</source>
        <translation>
            <numerusform>Keine Antworten an diesem Tag – lerne einen Stapel und schau dann wieder vorbei.</numerusform>
            <numerusform>Keine Antworten in diesen %n Tagen – lerne einen Stapel und schau dann wieder vorbei.</numerusform>
        </translation>
    </message>
    <message>
        <source>Back  (Esc)</source>
        <translation>Zurück  (Esc)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Statistics charts</source>
        <translation>Statistik-Diagramme</translation>
    </message>
    <message>
        <source>All decks</source>
        <translation>Alle Stapel</translation>
    </message>
    <message>
        <source>Deck: {title}</source>
        <translation>Stapel: {title}</translation>
    </message>
    <message>
        <source>Topic: {topic}</source>
        <translation>Thema: {topic}</translation>
    </message>
    <message>
        <source>Counting your answers…</source>
        <translation>Deine Antworten werden gezählt…</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>{scope} · {first} to {last}</source>
        <translation>{scope} · {first} bis {last}</translation>
    </message>
    <message>
        <source>Today: {answers} in {minutes} min, {right} right, {new}; {due} due now.</source>
        <translation>Heute: {answers} in {minutes} Min., {right} richtig, {new}; {due} jetzt fällig.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln Antwort</numerusform>
            <numerusform>%Ln Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new item(s) seen</source>
        <translation>
            <numerusform>%Ln neues Element gesehen</numerusform>
            <numerusform>%Ln neue Elemente gesehen</numerusform>
        </translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>Lernphase</translation>
    </message>
    <message>
        <source>Young</source>
        <translation>Jung</translation>
    </message>
    <message>
        <source>Mature</source>
        <translation>Ausgereift</translation>
    </message>
    <message>
        <source>Relearning</source>
        <translation>Erneutes Lernen</translation>
    </message>
    <message numerus="yes">
        <source>{answers} on {active} of %Ln day(s), {minutes} min in all.</source>
        <translation>
            <numerusform>{answers} an {active} von %Ln Tag, insgesamt {minutes} Min.</numerusform>
            <numerusform>{answers} an {active} von %Ln Tagen, insgesamt {minutes} Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is scheduled for the next 30 days — study new cards and their reviews appear here.</source>
        <translation>In den nächsten 30 Tagen ist nichts geplant – lerne neue Karten, dann erscheinen ihre Wiederholungen hier.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>No practice replies in these days — practice items come up in daily study after a deck's cards.</source>
        <translation>Keine Übungsantworten in diesem Zeitraum – Übungen kommen beim täglichen Lernen nach den Karten eines Stapels.</translation>
    </message>
    <message>
        <source>Rubric checks met</source>
        <translation>Erfüllte Kriterien</translation>
    </message>
    <message numerus="yes">
        <source>{topic}: %Ln answer(s) ({aloud} said aloud) on {items}</source>
        <translation>
            <numerusform>{topic}: %Ln Antwort ({aloud} laut gesprochen) zu {items}</numerusform>
            <numerusform>{topic}: %Ln Antworten ({aloud} laut gesprochen) zu {items}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{practised} of %Ln item(s)</source>
        <translation>
            <numerusform>{practised} von %Ln Übung</numerusform>
            <numerusform>{practised} von %Ln Übungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Every reply met every check. Well done.</source>
        <translation>Jede Antwort hat jedes Kriterium erfüllt. Gut gemacht!</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Verfehlt</translation>
    </message>
    <message>
        <source>{check}: missed {missed} of {asked}</source>
        <translation>{check}: {missed} von {asked} verfehlt</translation>
    </message>
    <message>
        <source>No reviews in these days — retention shows once cards come back for review.</source>
        <translation>Keine Wiederholungen in diesem Zeitraum – die Behaltensrate erscheint, sobald Karten zur Wiederholung zurückkommen.</translation>
    </message>
    <message>
        <source>Young (interval &lt; 21 days)</source>
        <translation>Jung (Intervall &lt; 21 Tage)</translation>
    </message>
    <message>
        <source>Mature (21 days or more)</source>
        <translation>Ausgereift (ab 21 Tagen)</translation>
    </message>
    <message>
        <source>Not forgotten</source>
        <translation>Nicht vergessen</translation>
    </message>
    <message numerus="yes">
        <source>Young: {young_passed} of %Ln review(s) passed ({young_rate}). Mature: {mature_passed} of {mature_answers} ({mature_rate}). Your desired retention is {target}.</source>
        <translation>
            <numerusform>Jung: {young_passed} von %Ln Wiederholung bestanden ({young_rate}). Ausgereift: {mature_passed} von {mature_answers} ({mature_rate}). Deine gewünschte Behaltensrate ist {target}.</numerusform>
            <numerusform>Jung: {young_passed} von %Ln Wiederholungen bestanden ({young_rate}). Ausgereift: {mature_passed} von {mature_answers} ({mature_rate}). Deine gewünschte Behaltensrate ist {target}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing studied here yet — mastery shows once you have answered some items.</source>
        <translation>Hier wurde noch nichts gelernt – die Beherrschung erscheint, sobald du ein paar Elemente beantwortet hast.</translation>
    </message>
    <message>
        <source>Mean recall now</source>
        <translation>Mittlere Abrufwahrscheinlichkeit jetzt</translation>
    </message>
    <message>
        <source>Items at {target} or more</source>
        <translation>Elemente ab {target}</translation>
    </message>
    <message numerus="yes">
        <source>{topic}: {at_target} of %Ln item(s) at target, {never} never seen</source>
        <translation>
            <numerusform>{topic}: {at_target} von %Ln Element am Ziel, {never} nie gesehen</numerusform>
            <numerusform>{topic}: {at_target} von %Ln Elementen am Ziel, {never} nie gesehen</numerusform>
        </translation>
    </message>
    <message>
        <source>No quizzes finished in these days — take a quiz and come back.</source>
        <translation>Keine abgeschlossenen Quizze in diesem Zeitraum – mach ein Quiz und schau dann wieder vorbei.</translation>
    </message>
    <message>
        <source>No answers with a certainty in these days — take a quiz that asks how sure you are.</source>
        <translation>Keine Antworten mit Sicherheitsangabe in diesem Zeitraum – mach ein Quiz, das fragt, wie sicher du bist.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s); overconfidence {over} ({lean}); average certainty mark {mark}.</source>
        <translation>
            <numerusform>%Ln Antwort; Selbstüberschätzung {over} ({lean}); mittlere Sicherheitswertung {mark}.</numerusform>
            <numerusform>%Ln Antworten; Selbstüberschätzung {over} ({lean}); mittlere Sicherheitswertung {mark}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s); overconfidence {over} ({lean}); average certainty mark {mark}; resolution {resolution} (0: being sure says nothing about being right, 1: it tells them apart).</source>
        <translation>
            <numerusform>%Ln Antwort; Selbstüberschätzung {over} ({lean}); mittlere Sicherheitswertung {mark}; Trennschärfe {resolution} (0: Sicherheit sagt nichts über richtig oder falsch, 1: sie trennt beides sauber).</numerusform>
            <numerusform>%Ln Antworten; Selbstüberschätzung {over} ({lean}); mittlere Sicherheitswertung {mark}; Trennschärfe {resolution} (0: Sicherheit sagt nichts über richtig oder falsch, 1: sie trennt beides sauber).</numerusform>
        </translation>
    </message>
    <message>
        <source>{dimension} (self-rating)</source>
        <translation>{dimension} (Selbsteinschätzung)</translation>
    </message>
    <message>
        <source>quiz accuracy on {topic}</source>
        <translation>Quiz-Trefferquote bei {topic}</translation>
    </message>
    <message>
        <source>No self-checks finished in these days — take one from the deck list.</source>
        <translation>Keine abgeschlossenen Selbsttests in diesem Zeitraum – starte einen aus der Stapelliste.</translation>
    </message>
</context>
<context>
    <name>StreakText</name>
    <message>
        <source>Nothing due today.</source>
        <translation>Heute ist nichts fällig.</translation>
    </message>
    <message numerus="yes">
        <source>Today's goal done: %n answer(s).</source>
        <translation>
            <numerusform>Tagesziel erreicht: %n Antwort.</numerusform>
            <numerusform>Tagesziel erreicht: %n Antworten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Today: {answered} of {goal} done.</source>
        <translation>Heute: {answered} von {goal} erledigt.</translation>
    </message>
    <message>
        <source>{days}+ days in a row.</source>
        <translation>{days}+ Tage in Folge gelernt.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in a row.</source>
        <translation>
            <numerusform>%n Tag in Folge gelernt.</numerusform>
            <numerusform>%n Tage in Folge gelernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in a row (study today to keep it).</source>
        <translation>
            <numerusform>%n Tag in Folge gelernt (lern heute, um die Serie zu halten).</numerusform>
            <numerusform>%n Tage in Folge gelernt (lern heute, um die Serie zu halten).</numerusform>
        </translation>
    </message>
    <message>
        <source>Start a streak: study today.</source>
        <translation>Lern heute und starte eine Serie.</translation>
    </message>
</context>
<context>
    <name>SummaryViewText</name>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>Back to decks  (Enter)</source>
        <translation>Zurück zu den Stapeln  (Enter)</translation>
    </message>
    <message>
        <source>Ctrl+Z takes back the last answer</source>
        <translation>Strg+Z nimmt die letzte Antwort zurück</translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation>Zusammenfassung der Sitzung</translation>
    </message>
    <message>
        <source>Session complete</source>
        <translation>Sitzung abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>You gave %n answer(s) in {deck} in {time}.</source>
        <translation>
            <numerusform>Du hast in „{deck}“ in {time} %n Antwort gegeben.</numerusform>
            <numerusform>Du hast in „{deck}“ in {time} %n Antworten gegeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to study right now</source>
        <translation>Gerade gibt es nichts zu lernen</translation>
    </message>
    <message>
        <source>You are up to date in {deck}.</source>
        <translation>In „{deck}“ bist du auf dem neuesten Stand.</translation>
    </message>
    <message>
        <source>Next card due: {when}</source>
        <translation>Nächste Karte fällig: {when}</translation>
    </message>
</context>
<context>
    <name>TasksText</name>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
</context>
<context>
    <name>UpgradeText</name>
    <message>
        <source>Checking your profile…</source>
        <translation>Ihr Profil wird geprüft…</translation>
    </message>
    <message>
        <source>Backing up your profile…</source>
        <translation>Ihr Profil wird gesichert…</translation>
    </message>
    <message>
        <source>Updating your profile for this version of Sales Trainer. This happens once; a long history takes a while…</source>
        <translation>Ihr Profil wird für diese Version von Sales Trainer aktualisiert. Das geschieht nur einmal; ein langer Verlauf braucht etwas Zeit…</translation>
    </message>
    <message>
        <source>Checking the updated profile…</source>
        <translation>Das aktualisierte Profil wird geprüft…</translation>
    </message>
    <message>
        <source>Step {step} of {steps}: {doing}</source>
        <translation>Schritt {step} von {steps}: {doing}</translation>
    </message>
    <message>
        <source>Updating your profile…</source>
        <translation>Profil wird aktualisiert…</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>März</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Dezember</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Nochmal</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>Schwer</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>Einfach</translation>
    </message>
    <message>
        <source>{n}s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n}m</source>
        <translation>{n} Min.</translation>
    </message>
    <message>
        <source>{n}h</source>
        <translation>{n} Std.</translation>
    </message>
    <message>
        <source>{n}d</source>
        <translation>{n} T.</translation>
    </message>
    <message>
        <source>{n}mo</source>
        <translation>{n} Mon.</translation>
    </message>
    <message>
        <source>{n}y</source>
        <translation>{n} J.</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day}. {month} {year}</translation>
    </message>
    <message>
        <source>Nothing is scheduled in this deck.</source>
        <translation>In diesem Stapel ist nichts geplant.</translation>
    </message>
    <message>
        <source>Now.</source>
        <translation>Jetzt.</translation>
    </message>
    <message numerus="yes">
        <source>In %n minute(s) (at {time}).</source>
        <translation>
            <numerusform>In %n Minute (um {time}).</numerusform>
            <numerusform>In %n Minuten (um {time}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Today at {time}.</source>
        <translation>Heute um {time}.</translation>
    </message>
    <message>
        <source>Tomorrow at {time}.</source>
        <translation>Morgen um {time}.</translation>
    </message>
    <message numerus="yes">
        <source>{weekday} at {time} (in %n day(s)).</source>
        <translation>
            <numerusform>{weekday} um {time} (in %n Tag).</numerusform>
            <numerusform>{weekday} um {time} (in %n Tagen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{date} (in %n day(s)).</source>
        <translation>
            <numerusform>{date} (in %n Tag).</numerusform>
            <numerusform>{date} (in %n Tagen).</numerusform>
        </translation>
    </message>
</context>
</TS>
