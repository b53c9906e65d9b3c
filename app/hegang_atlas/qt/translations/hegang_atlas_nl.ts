<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about.py" line="16"/>
        <source>map drawing in the page</source>
        <translation>kaarttekening in de pagina</translation>
    </message>
    <message>
        <location filename="../about.py" line="17"/>
        <source>builds the map page</source>
        <translation>bouwt de kaartpagina</translation>
    </message>
    <message>
        <location filename="../about.py" line="18"/>
        <source>the window and the web view</source>
        <translation>het venster en de webweergave</translation>
    </message>
    <message>
        <location filename="../about.py" line="20"/>
        <source>reading and measuring geodata</source>
        <translation>geodata lezen en meten</translation>
    </message>
    <message>
        <location filename="../about.py" line="21"/>
        <source>OpenStreetMap data (web basemap, only when chosen)</source>
        <translation>OpenStreetMap-gegevens (webachtergrondkaart, alleen als die gekozen is)</translation>
    </message>
    <message>
        <location filename="../about.py" line="36"/>
        <source>undated</source>
        <translation>ongedateerd</translation>
    </message>
    <message>
        <location filename="../about.py" line="37"/>
        <source>%s claims</source>
        <translation>%s beweringen</translation>
    </message>
    <message>
        <location filename="../about.py" line="39"/>
        <source>Hegang Atlas %s</source>
        <translation>Hegang Atlas %s</translation>
    </message>
    <message>
        <location filename="../about.py" line="40"/>
        <source>A desktop map of Hegang (鹤岗), a coal city in Heilongjiang that lost about a sixth of its people between 2010 and 2020. Every figure shown is a cited claim or a computation.</source>
        <translation>Een desktopkaart van Hegang (鹤岗), een kolenstad in Heilongjiang die tussen 2010 en 2020 ongeveer een zesde van haar inwoners verloor. Elk getal dat wordt getoond is een bewering met bronvermelding of een berekening.</translation>
    </message>
    <message>
        <location filename="../about.py" line="45"/>
        <source>Source documents</source>
        <translation>Brondocumenten</translation>
    </message>
    <message>
        <location filename="../about.py" line="51"/>
        <source>Public references</source>
        <translation>Openbare verwijzingen</translation>
    </message>
    <message>
        <location filename="../about.py" line="55"/>
        <source>Positions</source>
        <translation>Posities</translation>
    </message>
    <message>
        <location filename="../about.py" line="56"/>
        <source>No mine, village, wind farm or city-core position has been published: they are marked &lt;i&gt;approximate&lt;/i&gt; (placed from a described district or town, with an error) or &lt;i&gt;schematic&lt;/i&gt; (drawn to show a relation, such as a proposed rail link).</source>
        <translation>Van geen enkele mijn, dorp, windpark of stadskern is de positie gepubliceerd: ze zijn gemarkeerd als &lt;i&gt;bij benadering&lt;/i&gt; (geplaatst op basis van een beschreven district of stad, met een foutmarge) of &lt;i&gt;schematisch&lt;/i&gt; (getekend om een verband te tonen, zoals een voorgestelde spoorverbinding).</translation>
    </message>
    <message>
        <location filename="../about.py" line="63"/>
        <source>Software and data licences</source>
        <translation>Licenties van software en gegevens</translation>
    </message>
    <message>
        <location filename="../about.py" line="66"/>
        <source>Log file: %s</source>
        <translation>Logbestand: %s</translation>
    </message>
    <message>
        <location filename="../about.py" line="74"/>
        <source>About Hegang Atlas</source>
        <translation>Over Hegang Atlas</translation>
    </message>
    <message>
        <location filename="../about.py" line="81"/>
        <source>Open log file</source>
        <translation>Logbestand openen</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="54"/>
        <location filename="../app.py" line="91"/>
        <source>Hegang Atlas</source>
        <translation>Hegang Atlas</translation>
    </message>
    <message>
        <location filename="../app.py" line="55"/>
        <source>Something went wrong: %s: %s
Your work is unchanged. Details are in %s.</source>
        <translation>Er ging iets mis: %s: %s
Je werk is niet veranderd. Details staan in %s.</translation>
    </message>
    <message>
        <location filename="../app.py" line="92"/>
        <source>The atlas data could not be loaded.

%s</source>
        <translation>De atlasgegevens konden niet worden geladen.

%s</translation>
    </message>
</context>
<context>
    <name>AttributeTableDock</name>
    <message>
        <location filename="../attribute_table.py" line="224"/>
        <source>Attribute table</source>
        <translation>Attributentabel</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="233"/>
        <source>Layer</source>
        <translation>Laag</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="234"/>
        <source>&amp;Layer:</source>
        <translation>&amp;Laag:</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="237"/>
        <source>Filter rows…</source>
        <translation>Rijen filteren…</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="239"/>
        <source>Filter rows</source>
        <translation>Rijen filteren</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="240"/>
        <source>Only features in the current &amp;map view</source>
        <translation>Alleen objecten in het huidige &amp;kaartbeeld</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="243"/>
        <source>&amp;Zoom to selection</source>
        <translation>&amp;Zoom naar selectie</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="244"/>
        <source>Attribute &amp;table</source>
        <translation>Attributen&amp;tabel</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="256"/>
        <source>Features</source>
        <translation>Objecten</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="333"/>
        <source>%d of %d features</source>
        <translation>%d van %d objecten</translation>
    </message>
</context>
<context>
    <name>AttributesDock</name>
    <message>
        <location filename="../attributes_dock.py" line="49"/>
        <source>Attributes</source>
        <translation>Attributen</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="83"/>
        <source>Click a feature on the map to see its facts and sources.</source>
        <translation>Klik op een object op de kaart om de feiten en bronnen te zien.</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="113"/>
        <source>Computed values</source>
        <translation>Berekende waarden</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="123"/>
        <source>Position</source>
        <translation>Positie</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="130"/>
        <source>Sources</source>
        <translation>Bronnen</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="132"/>
        <source>No source is cited for this feature.</source>
        <translation>Voor dit object wordt geen bron vermeld.</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="157"/>
        <source>Sources disagree:</source>
        <translation>Bronnen zijn het oneens:</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="207"/>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="209"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="209"/>
        <source>no</source>
        <translation>nee</translation>
    </message>
</context>
<context>
    <name>BookmarksDock</name>
    <message>
        <location filename="../bookmarks_dock.py" line="55"/>
        <location filename="../bookmarks_dock.py" line="62"/>
        <location filename="../bookmarks_dock.py" line="153"/>
        <source>Bookmarks</source>
        <translation>Bladwijzers</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="64"/>
        <source>Add &amp;bookmark…</source>
        <translation>Blad&amp;wijzer toevoegen…</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="65"/>
        <source>Add current view…</source>
        <translation>Huidig beeld toevoegen…</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="67"/>
        <source>&amp;Rename</source>
        <translation>&amp;Hernoemen</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="68"/>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="120"/>
        <source>View %d</source>
        <translation>Beeld %d</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="142"/>
        <source>%.5f° N, %.5f° E, zoom %s</source>
        <translation>%.5f° N, %.5f° O, zoom %s</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="161"/>
        <source>Add bookmark</source>
        <translation>Bladwijzer toevoegen</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="161"/>
        <source>Name of the bookmark:</source>
        <translation>Naam van de bladwijzer:</translation>
    </message>
</context>
<context>
    <name>ClaimPicker</name>
    <message>
        <location filename="../story_editor.py" line="92"/>
        <source>Search claims…</source>
        <translation>Beweringen zoeken…</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../export_actions.py" line="20"/>
        <source>&amp;GeoPackage…</source>
        <translation>&amp;GeoPackage…</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="21"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="22"/>
        <source>&amp;Image (PNG)…</source>
        <translation>&amp;Afbeelding (PNG)…</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="23"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-afbeelding (*.png)</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="24"/>
        <source>&amp;PDF…</source>
        <translation>P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="25"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="26"/>
        <source>&amp;Web page (HTML)…</source>
        <translation>&amp;Webpagina (HTML)…</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="27"/>
        <source>Web page (*.html)</source>
        <translation>Webpagina (*.html)</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="50"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporteren</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="91"/>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="91"/>
        <source>Could not write %s.

%s</source>
        <translation>Kon %s niet schrijven.

%s</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="99"/>
        <source>Export %s</source>
        <translation>%s exporteren</translation>
    </message>
</context>
<context>
    <name>FeatureTableModel</name>
    <message>
        <location filename="../attribute_table.py" line="93"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="94"/>
        <source>Chinese name</source>
        <translation>Chinese naam</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="102"/>
        <source>Position quality</source>
        <translation>Positiekwaliteit</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="153"/>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="155"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="155"/>
        <source>no</source>
        <translation>nee</translation>
    </message>
</context>
<context>
    <name>LayerAdder</name>
    <message>
        <location filename="../add_layer.py" line="135"/>
        <source>&amp;Add layer…</source>
        <translation>&amp;Laag toevoegen…</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="138"/>
        <source>Add your own GeoJSON, GeoPackage, Shapefile, KML, CSV or FlatGeobuf file</source>
        <translation>Voeg je eigen GeoJSON-, GeoPackage-, Shapefile-, KML-, CSV- of FlatGeobuf-bestand toe</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="140"/>
        <source>&amp;Remove layer</source>
        <translation>Laag &amp;verwijderen</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="144"/>
        <source>Layer added</source>
        <translation>Laag toegevoegd</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="163"/>
        <source>GIS files (*.geojson *.json *.gpkg *.shp *.zip *.kml *.kmz *.csv *.fgb)</source>
        <translation>GIS-bestanden (*.geojson *.json *.gpkg *.shp *.zip *.kml *.kmz *.csv *.fgb)</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="164"/>
        <source>GeoJSON (*.geojson *.json)</source>
        <translation>GeoJSON (*.geojson *.json)</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="165"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="166"/>
        <source>Shapefile (*.shp *.zip)</source>
        <translation>Shapefile (*.shp *.zip)</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="167"/>
        <source>KML (*.kml *.kmz)</source>
        <translation>KML (*.kml *.kmz)</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="168"/>
        <source>CSV with longitude and latitude (*.csv)</source>
        <translation>CSV met lengte- en breedtegraad (*.csv)</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="169"/>
        <source>FlatGeobuf (*.fgb)</source>
        <translation>FlatGeobuf (*.fgb)</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="170"/>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="173"/>
        <location filename="../add_layer.py" line="216"/>
        <location filename="../add_layer.py" line="299"/>
        <source>Add layer</source>
        <translation>Laag toevoegen</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="214"/>
        <source>Reading %s…</source>
        <translation>%s wordt gelezen…</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="214"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="250"/>
        <source>Reading %s was cancelled</source>
        <translation>Het lezen van %s is geannuleerd</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="262"/>
        <source>Choose a layer</source>
        <translation>Kies een laag</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="263"/>
        <source>%s holds several layers. Which one should be added?</source>
        <translation>%s bevat meerdere lagen. Welke moet worden toegevoegd?</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="268"/>
        <source>Longitude column</source>
        <translation>Kolom met lengtegraad</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="269"/>
        <source>Which column of %s holds the longitude (east-west)?</source>
        <translation>Welke kolom van %s bevat de lengtegraad (oost-west)?</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="273"/>
        <source>Latitude column</source>
        <translation>Kolom met breedtegraad</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="274"/>
        <source>Which column of %s holds the latitude (north-south)?</source>
        <translation>Welke kolom van %s bevat de breedtegraad (noord-zuid)?</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="290"/>
        <source>%s added: %s</source>
        <translation>%s toegevoegd: %s</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="291"/>
        <source>%s was added. Please note:</source>
        <translation>%s is toegevoegd. Let op:</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="295"/>
        <source>%s added</source>
        <translation>%s toegevoegd</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="300"/>
        <source>%s could not be added.

%s</source>
        <translation>%s kon niet worden toegevoegd.

%s</translation>
    </message>
</context>
<context>
    <name>LayersDock</name>
    <message>
        <location filename="../layers_dock.py" line="182"/>
        <location filename="../layers_dock.py" line="196"/>
        <source>Layers</source>
        <translation>Lagen</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="187"/>
        <source>Your layers</source>
        <translation>Je eigen lagen</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="187"/>
        <source>Story</source>
        <translation>Verhaal</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="187"/>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="200"/>
        <source>Opacity of the current layer</source>
        <translation>Dekking van de huidige laag</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="201"/>
        <source>&amp;Opacity</source>
        <translation>&amp;Dekking</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="204"/>
        <source>Move &amp;up</source>
        <translation>Om&amp;hoog</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="206"/>
        <source>Move &amp;down</source>
        <translation>Om&amp;laag</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="208"/>
        <source>&amp;Zoom to layer</source>
        <translation>&amp;Zoom naar laag</translation>
    </message>
    <message numerus="yes">
        <location filename="../layers_dock.py" line="316"/>
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n object</numerusform>
            <numerusform>%n objecten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="25"/>
        <source>None (offline)</source>
        <translation>Geen (offline)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="26"/>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="27"/>
        <source>OpenTopoMap</source>
        <translation>OpenTopoMap</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="28"/>
        <source>Esri World Imagery</source>
        <translation>Esri World Imagery (luchtfoto&apos;s)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="34"/>
        <source>N</source>
        <comment>latitude north</comment>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="36"/>
        <source>S</source>
        <comment>latitude south</comment>
        <translation>Z</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="38"/>
        <source>E</source>
        <comment>longitude east</comment>
        <translation>O</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="40"/>
        <source>W</source>
        <comment>longitude west</comment>
        <translation>W</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="41"/>
        <source>{lat}° {ns}, {lon}° {ew}</source>
        <comment>cursor coordinates</comment>
        <translation>{lat}° {ns}, {lon}° {ew}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="53"/>
        <source>Hegang Atlas — 鹤岗</source>
        <translation>Hegang Atlas — 鹤岗</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="65"/>
        <source>Move over the map to see coordinates</source>
        <translation>Beweeg over de kaart om de coördinaten te zien</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="93"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="95"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="96"/>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="97"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Voorkeuren…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="99"/>
        <source>&amp;View</source>
        <translation>Bee&amp;ld</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="101"/>
        <source>Zoom to &amp;Hegang</source>
        <translation>Zoom naar &amp;Hegang</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="102"/>
        <source>Zoom to &amp;selection</source>
        <translation>Zoom naar &amp;selectie</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="103"/>
        <source>&amp;Clear selection</source>
        <translation>Selectie &amp;wissen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="105"/>
        <source>&amp;Basemap</source>
        <translation>&amp;Achtergrondkaart</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="118"/>
        <source>&amp;Full screen</source>
        <translation>&amp;Volledig scherm</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="120"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="121"/>
        <source>&amp;About Hegang Atlas</source>
        <translation>&amp;Over Hegang Atlas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129"/>
        <source>Basemap: %s</source>
        <translation>Achtergrondkaart: %s</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="154"/>
        <source>Zoom %s</source>
        <translation>Zoom %s</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="159"/>
        <source>Open link</source>
        <translation>Link openen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="160"/>
        <source>Open this address in your web browser?

%s</source>
        <translation>Dit adres openen in je webbrowser?

%s</translation>
    </message>
</context>
<context>
    <name>MeasureTool</name>
    <message>
        <location filename="../measure_tool.py" line="51"/>
        <source>Measure &amp;distance</source>
        <translation>&amp;Afstand meten</translation>
    </message>
    <message>
        <location filename="../measure_tool.py" line="52"/>
        <source>Measure &amp;area</source>
        <translation>&amp;Oppervlakte meten</translation>
    </message>
    <message>
        <location filename="../measure_tool.py" line="54"/>
        <source>Measurement</source>
        <translation>Meting</translation>
    </message>
    <message>
        <location filename="../measure_tool.py" line="55"/>
        <source>Geodesic, on the WGS84 ellipsoid</source>
        <translation>Geodetisch, op de WGS84-ellipsoïde</translation>
    </message>
    <message>
        <location filename="../measure_tool.py" line="106"/>
        <source>Area</source>
        <translation>Oppervlakte</translation>
    </message>
    <message>
        <location filename="../measure_tool.py" line="106"/>
        <source>Distance</source>
        <translation>Afstand</translation>
    </message>
</context>
<context>
    <name>MissingFilesDialog</name>
    <message>
        <location filename="../project_actions.py" line="108"/>
        <source>Files not found</source>
        <translation>Bestanden niet gevonden</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="116"/>
        <source>not found</source>
        <translation>niet gevonden</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="117"/>
        <source>Relink…</source>
        <translation>Opnieuw koppelen…</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="127"/>
        <source>These files of the project were not found. Find each one that moved; the others are left out.</source>
        <translation>Deze bestanden van het project zijn niet gevonden. Zoek elk bestand dat verplaatst is; de andere worden weggelaten.</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="139"/>
        <source>Find %s</source>
        <translation>%s zoeken</translation>
    </message>
</context>
<context>
    <name>NotesWindow</name>
    <message>
        <location filename="../presenter.py" line="92"/>
        <source>Presenter notes</source>
        <translation>Notities voor de presentator</translation>
    </message>
    <message>
        <location filename="../presenter.py" line="112"/>
        <source>(no notes)</source>
        <translation>(geen notities)</translation>
    </message>
</context>
<context>
    <name>PlannerTools</name>
    <message>
        <location filename="../planner_install.py" line="84"/>
        <source>&amp;Tools</source>
        <translation>E&amp;xtra</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../preferences.py" line="17"/>
        <source>Preferences</source>
        <translation>Voorkeuren</translation>
    </message>
    <message>
        <location filename="../preferences.py" line="26"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../preferences.py" line="27"/>
        <source>A new language applies when Hegang Atlas starts again.</source>
        <translation>Een nieuwe taal gaat in wanneer Hegang Atlas opnieuw start.</translation>
    </message>
</context>
<context>
    <name>PresenterMode</name>
    <message>
        <location filename="../presenter.py" line="147"/>
        <source>Presenter</source>
        <translation>Presentatie</translation>
    </message>
</context>
<context>
    <name>PresenterPanel</name>
    <message>
        <location filename="../presenter.py" line="77"/>
        <source>Go to chapter: %s</source>
        <translation>Ga naar hoofdstuk: %s</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <location filename="../project_actions.py" line="200"/>
        <source>&amp;New project</source>
        <translation>&amp;Nieuw project</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="201"/>
        <source>&amp;Open project…</source>
        <translation>Project &amp;openen…</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="202"/>
        <source>&amp;Save project</source>
        <translation>Project op&amp;slaan</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="203"/>
        <source>Save project &amp;as…</source>
        <translation>&amp;Project opslaan als…</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="204"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Recent geopend</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="207"/>
        <source>Project opened</source>
        <translation>Project geopend</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="245"/>
        <location filename="../project_actions.py" line="273"/>
        <source>Untitled</source>
        <translation>Naamloos</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="275"/>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="275"/>
        <source>Save the changes to the project %s?</source>
        <translation>De wijzigingen in het project %s opslaan?</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="309"/>
        <location filename="../project_actions.py" line="331"/>
        <source>Open project</source>
        <translation>Project openen</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="310"/>
        <source>Hegang Atlas projects (*%s *.json);;All files (*)</source>
        <translation>Hegang Atlas-projecten (*%s *.json);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="332"/>
        <source>%s could not be opened.

%s</source>
        <translation>%s kon niet worden geopend.

%s</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="347"/>
        <source>Open Recent</source>
        <translation>Recent geopend</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="348"/>
        <source>%s no longer exists; it was removed from Open Recent.</source>
        <translation>%s bestaat niet meer; het is verwijderd uit Recent geopend.</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="379"/>
        <source>The project was opened. Please note:</source>
        <translation>Het project is geopend. Let op:</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="391"/>
        <source>basemap &apos;%s&apos; is not known; none is shown</source>
        <translation>achtergrondkaart &apos;%s&apos; is onbekend; er wordt geen getoond</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="394"/>
        <source>user layer &apos;%s&apos; was not loaded: %s was not found</source>
        <translation>eigen laag &apos;%s&apos; is niet geladen: %s is niet gevonden</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="410"/>
        <source>untitled</source>
        <translation>naamloos</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="412"/>
        <source>Save project as</source>
        <translation>Project opslaan als</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="413"/>
        <source>Hegang Atlas projects (*%s)</source>
        <translation>Hegang Atlas-projecten (*%s)</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="434"/>
        <source>Save project</source>
        <translation>Project opslaan</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="435"/>
        <source>The project could not be saved.

%s</source>
        <translation>Het project kon niet worden opgeslagen.

%s</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="441"/>
        <source>Project saved to %s</source>
        <translation>Project opgeslagen in %s</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="478"/>
        <source>Autosave failed: %s</source>
        <translation>Automatisch opslaan mislukt: %s</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="489"/>
        <location filename="../project_actions.py" line="499"/>
        <source>Restore unsaved work</source>
        <translation>Niet-opgeslagen werk herstellen</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="490"/>
        <source>Hegang Atlas did not close properly last time.

Restore unsaved work from %s?</source>
        <translation>Hegang Atlas is de vorige keer niet goed afgesloten.

Niet-opgeslagen werk van %s herstellen?</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="500"/>
        <source>The unsaved work could not be restored.

%s</source>
        <translation>Het niet-opgeslagen werk kon niet worden hersteld.

%s</translation>
    </message>
</context>
<context>
    <name>ProximityDialog</name>
    <message>
        <location filename="../proximity_dialog.py" line="60"/>
        <source>Find within a distance</source>
        <translation>Zoeken binnen een afstand</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="75"/>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="78"/>
        <source>Layers to search</source>
        <translation>Lagen om te doorzoeken</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="79"/>
        <source>&amp;Find</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="81"/>
        <source>&amp;Clear</source>
        <translation>&amp;Wissen</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="83"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="83"/>
        <source>Layer</source>
        <translation>Laag</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="83"/>
        <source>Distance (km)</source>
        <translation>Afstand (km)</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="89"/>
        <source>Features found</source>
        <translation>Gevonden objecten</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="92"/>
        <source>Distances computed in UTM zone 52N (EPSG:32652): the shortest distance between the two shapes.</source>
        <translation>Afstanden berekend in UTM-zone 52N (EPSG:32652): de kortste afstand tussen de twee vormen.</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="96"/>
        <source>Find &amp;within N km…</source>
        <translation>Zoeken &amp;binnen N km…</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="100"/>
        <source>From:</source>
        <translation>Vanaf:</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="101"/>
        <source>&amp;Distance:</source>
        <translation>&amp;Afstand:</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="102"/>
        <source>&amp;Layers:</source>
        <translation>&amp;Lagen:</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="161"/>
        <source>%d feature(s) within %s km</source>
        <translation>%d object(en) binnen %s km</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="163"/>
        <source>Nothing within %s km</source>
        <translation>Niets binnen %s km</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../search_dialog.py" line="60"/>
        <source>Find a feature</source>
        <translation>Een object zoeken</translation>
    </message>
    <message>
        <location filename="../search_dialog.py" line="68"/>
        <source>Name, Chinese name or words from a source</source>
        <translation>Naam, Chinese naam of woorden uit een bron</translation>
    </message>
    <message>
        <location filename="../search_dialog.py" line="70"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../search_dialog.py" line="73"/>
        <source>Results</source>
        <translation>Resultaten</translation>
    </message>
    <message>
        <location filename="../search_dialog.py" line="76"/>
        <source>&amp;Find…</source>
        <translation>&amp;Zoeken…</translation>
    </message>
    <message>
        <location filename="../search_dialog.py" line="123"/>
        <source>No feature matches.</source>
        <translation>Geen enkel object komt overeen.</translation>
    </message>
</context>
<context>
    <name>StoryDock</name>
    <message>
        <location filename="../story_dock.py" line="39"/>
        <source>Sources disagree:</source>
        <translation>Bronnen zijn het oneens:</translation>
    </message>
    <message>
        <location filename="../story_dock.py" line="42"/>
        <source>Sources</source>
        <translation>Bronnen</translation>
    </message>
    <message>
        <location filename="../story_dock.py" line="75"/>
        <source>Story</source>
        <translation>Verhaal</translation>
    </message>
    <message>
        <location filename="../story_dock.py" line="86"/>
        <source>◀ Previous</source>
        <translation>◀ Vorige</translation>
    </message>
    <message>
        <location filename="../story_dock.py" line="87"/>
        <source>Next ▶</source>
        <translation>Volgende ▶</translation>
    </message>
</context>
<context>
    <name>StoryEditor</name>
    <message>
        <location filename="../story_editor.py" line="35"/>
        <source>Story files (*.json)</source>
        <translation>Verhaalbestanden (*.json)</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="51"/>
        <source>Cannot open story</source>
        <translation>Kan verhaal niet openen</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="161"/>
        <source>Story editor</source>
        <translation>Verhaaleditor</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="181"/>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="182"/>
        <source>Open…</source>
        <translation>Openen…</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="183"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="184"/>
        <source>Save As…</source>
        <translation>Opslaan als…</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="187"/>
        <source>Story title</source>
        <translation>Titel van het verhaal</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="192"/>
        <source>Capture current view as chapter</source>
        <translation>Huidig beeld vastleggen als hoofdstuk</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="193"/>
        <source>Up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="194"/>
        <source>Down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="195"/>
        <source>Delete chapter</source>
        <translation>Hoofdstuk verwijderen</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="203"/>
        <source>Paragraphs; lines starting with &quot;- &quot; are a list; **bold**, *italic*</source>
        <translation>Alinea&apos;s; regels die beginnen met &quot;- &quot; vormen een lijst; **vet**, *cursief*</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="205"/>
        <source>Presenter notes: a question for the class</source>
        <translation>Notities voor de presentator: een vraag voor de klas</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="209"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="210"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="211"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="212"/>
        <source>Sources</source>
        <translation>Bronnen</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="233"/>
        <source>My story</source>
        <translation>Mijn verhaal</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="254"/>
        <source>a story needs a chapter: capture a view first</source>
        <translation>een verhaal heeft een hoofdstuk nodig: leg eerst een beeld vast</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="273"/>
        <source>Cannot save story</source>
        <translation>Kan verhaal niet opslaan</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="285"/>
        <source>Chapter %d</source>
        <translation>Hoofdstuk %d</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="286"/>
        <source>What should the class see here?</source>
        <translation>Wat moet de klas hier zien?</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="361"/>
        <source>Open story</source>
        <translation>Verhaal openen</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="372"/>
        <source>Save story</source>
        <translation>Verhaal opslaan</translation>
    </message>
</context>
<context>
    <name>StoryMode</name>
    <message>
        <location filename="../story_install.py" line="58"/>
        <source>&amp;Present story</source>
        <translation>Verhaal &amp;presenteren</translation>
    </message>
    <message>
        <location filename="../story_install.py" line="60"/>
        <source>&amp;Story</source>
        <translation>&amp;Verhaal</translation>
    </message>
    <message>
        <location filename="../story_install.py" line="68"/>
        <source>&amp;New story…</source>
        <translation>&amp;Nieuw verhaal…</translation>
    </message>
    <message>
        <location filename="../story_install.py" line="69"/>
        <source>&amp;Open story…</source>
        <translation>Verhaal &amp;openen…</translation>
    </message>
    <message>
        <location filename="../story_install.py" line="70"/>
        <source>&amp;Edit story…</source>
        <translation>Verhaal &amp;bewerken…</translation>
    </message>
    <message>
        <location filename="../story_install.py" line="103"/>
        <source>Open story</source>
        <translation>Verhaal openen</translation>
    </message>
</context>
<context>
    <name>FileTools</name>
    <message>
        <location filename="../files_install.py" line="72"/>
        <source>&amp;Tools</source>
        <translation>E&amp;xtra</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="538"/>
        <source>One project at a time: %s was opened</source>
        <translation>Eén project tegelijk: %s is geopend</translation>
    </message>
</context>
</TS>
