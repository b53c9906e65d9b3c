<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about.py" line="16"/>
        <source>map drawing in the page</source>
        <translation>在页面中绘制地图</translation>
    </message>
    <message>
        <location filename="../about.py" line="17"/>
        <source>builds the map page</source>
        <translation>生成地图页面</translation>
    </message>
    <message>
        <location filename="../about.py" line="18"/>
        <source>the window and the web view</source>
        <translation>窗口和网页视图</translation>
    </message>
    <message>
        <location filename="../about.py" line="20"/>
        <source>reading and measuring geodata</source>
        <translation>读取和测量地理数据</translation>
    </message>
    <message>
        <location filename="../about.py" line="21"/>
        <source>OpenStreetMap data (web basemap, only when chosen)</source>
        <translation>OpenStreetMap 数据（网络底图，仅在选用时）</translation>
    </message>
    <message>
        <location filename="../about.py" line="36"/>
        <source>undated</source>
        <translation>无日期</translation>
    </message>
    <message>
        <location filename="../about.py" line="37"/>
        <source>%s claims</source>
        <translation>%s 条陈述</translation>
    </message>
    <message>
        <location filename="../about.py" line="39"/>
        <source>Hegang Atlas %s</source>
        <translation>鹤岗地图集 %s</translation>
    </message>
    <message>
        <location filename="../about.py" line="40"/>
        <source>A desktop map of Hegang (鹤岗), a coal city in Heilongjiang that lost about a sixth of its people between 2010 and 2020. Every figure shown is a cited claim or a computation.</source>
        <translation>鹤岗（Hegang）的桌面地图。鹤岗是黑龙江的一座煤城，2010 年至 2020 年间人口减少了约六分之一。所显示的每一个数字都是有出处的陈述或计算结果。</translation>
    </message>
    <message>
        <location filename="../about.py" line="45"/>
        <source>Source documents</source>
        <translation>来源文献</translation>
    </message>
    <message>
        <location filename="../about.py" line="51"/>
        <source>Public references</source>
        <translation>公开参考资料</translation>
    </message>
    <message>
        <location filename="../about.py" line="55"/>
        <source>Positions</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../about.py" line="56"/>
        <source>No mine, village, wind farm or city-core position has been published: they are marked &lt;i&gt;approximate&lt;/i&gt; (placed from a described district or town, with an error) or &lt;i&gt;schematic&lt;/i&gt; (drawn to show a relation, such as a proposed rail link).</source>
        <translation>矿井、村庄、风电场和城市中心的位置均未公开发布：它们被标为&lt;i&gt;近似&lt;/i&gt;（根据描述的区或镇放置，带有误差）或&lt;i&gt;示意&lt;/i&gt;（为表示某种关系而绘制，例如规划中的铁路连线）。</translation>
    </message>
    <message>
        <location filename="../about.py" line="63"/>
        <source>Software and data licences</source>
        <translation>软件和数据许可</translation>
    </message>
    <message>
        <location filename="../about.py" line="66"/>
        <source>Log file: %s</source>
        <translation>日志文件：%s</translation>
    </message>
    <message>
        <location filename="../about.py" line="74"/>
        <source>About Hegang Atlas</source>
        <translation>关于鹤岗地图集</translation>
    </message>
    <message>
        <location filename="../about.py" line="81"/>
        <source>Open log file</source>
        <translation>打开日志文件</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="54"/>
        <location filename="../app.py" line="91"/>
        <source>Hegang Atlas</source>
        <translation>鹤岗地图集</translation>
    </message>
    <message>
        <location filename="../app.py" line="55"/>
        <source>Something went wrong: %s: %s
Your work is unchanged. Details are in %s.</source>
        <translation>出错了：%s：%s
您的工作没有改变。详细信息见 %s。</translation>
    </message>
    <message>
        <location filename="../app.py" line="92"/>
        <source>The atlas data could not be loaded.

%s</source>
        <translation>无法加载地图集数据。

%s</translation>
    </message>
</context>
<context>
    <name>AttributeTableDock</name>
    <message>
        <location filename="../attribute_table.py" line="224"/>
        <source>Attribute table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="233"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="234"/>
        <source>&amp;Layer:</source>
        <translation>图层(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="237"/>
        <source>Filter rows…</source>
        <translation>筛选行…</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="239"/>
        <source>Filter rows</source>
        <translation>筛选行</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="240"/>
        <source>Only features in the current &amp;map view</source>
        <translation>仅当前地图视图中的要素(&amp;M)</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="243"/>
        <source>&amp;Zoom to selection</source>
        <translation>缩放到所选要素(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="244"/>
        <source>Attribute &amp;table</source>
        <translation>属性表(&amp;T)</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="256"/>
        <source>Features</source>
        <translation>要素</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="333"/>
        <source>%d of %d features</source>
        <translation>显示 %d 个要素，共 %d 个</translation>
    </message>
</context>
<context>
    <name>AttributesDock</name>
    <message>
        <location filename="../attributes_dock.py" line="49"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="83"/>
        <source>Click a feature on the map to see its facts and sources.</source>
        <translation>点击地图上的要素，查看其信息和来源。</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="113"/>
        <source>Computed values</source>
        <translation>计算值</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="123"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="130"/>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="132"/>
        <source>No source is cited for this feature.</source>
        <translation>此要素没有引用任何来源。</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="157"/>
        <source>Sources disagree:</source>
        <translation>来源说法不一：</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="207"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="209"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../attributes_dock.py" line="209"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>BookmarksDock</name>
    <message>
        <location filename="../bookmarks_dock.py" line="55"/>
        <location filename="../bookmarks_dock.py" line="62"/>
        <location filename="../bookmarks_dock.py" line="153"/>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="64"/>
        <source>Add &amp;bookmark…</source>
        <translation>添加书签(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="65"/>
        <source>Add current view…</source>
        <translation>添加当前视图…</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="67"/>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="68"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="120"/>
        <source>View %d</source>
        <translation>视图 %d</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="142"/>
        <source>%.5f° N, %.5f° E, zoom %s</source>
        <translation>北纬 %.5f°，东经 %.5f°，缩放级别 %s</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="161"/>
        <source>Add bookmark</source>
        <translation>添加书签</translation>
    </message>
    <message>
        <location filename="../bookmarks_dock.py" line="161"/>
        <source>Name of the bookmark:</source>
        <translation>书签名称：</translation>
    </message>
</context>
<context>
    <name>ClaimPicker</name>
    <message>
        <location filename="../story_editor.py" line="92"/>
        <source>Search claims…</source>
        <translation>搜索陈述…</translation>
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
        <translation>&amp;PNG 图像…</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="23"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="24"/>
        <source>&amp;PDF…</source>
        <translation>P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="25"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="26"/>
        <source>&amp;Web page (HTML)…</source>
        <translation>&amp;HTML 网页…</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="27"/>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="50"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="91"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="91"/>
        <source>Could not write %s.

%s</source>
        <translation>无法写入 %s。

%s</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="99"/>
        <source>Export %s</source>
        <translation>导出 %s</translation>
    </message>
</context>
<context>
    <name>FeatureTableModel</name>
    <message>
        <location filename="../attribute_table.py" line="93"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="94"/>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="102"/>
        <source>Position quality</source>
        <translation>位置精度</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="153"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="155"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="155"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>LayerAdder</name>
    <message>
        <location filename="../add_layer.py" line="135"/>
        <source>&amp;Add layer…</source>
        <translation>添加图层(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="138"/>
        <source>Add your own GeoJSON, GeoPackage, Shapefile, KML, CSV or FlatGeobuf file</source>
        <translation>添加您自己的 GeoJSON、GeoPackage、Shapefile、KML、CSV 或 FlatGeobuf 文件</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="140"/>
        <source>&amp;Remove layer</source>
        <translation>移除图层(&amp;M)</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="144"/>
        <source>Layer added</source>
        <translation>已添加图层</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="163"/>
        <source>GIS files (*.geojson *.json *.gpkg *.shp *.zip *.kml *.kmz *.csv *.fgb)</source>
        <translation>GIS 文件 (*.geojson *.json *.gpkg *.shp *.zip *.kml *.kmz *.csv *.fgb)</translation>
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
        <translation>含经度和纬度的 CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="169"/>
        <source>FlatGeobuf (*.fgb)</source>
        <translation>FlatGeobuf (*.fgb)</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="170"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="173"/>
        <location filename="../add_layer.py" line="216"/>
        <location filename="../add_layer.py" line="299"/>
        <source>Add layer</source>
        <translation>添加图层</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="214"/>
        <source>Reading %s…</source>
        <translation>正在读取 %s…</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="214"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="250"/>
        <source>Reading %s was cancelled</source>
        <translation>已取消读取 %s</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="262"/>
        <source>Choose a layer</source>
        <translation>选择图层</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="263"/>
        <source>%s holds several layers. Which one should be added?</source>
        <translation>%s 包含多个图层。要添加哪一个？</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="268"/>
        <source>Longitude column</source>
        <translation>经度列</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="269"/>
        <source>Which column of %s holds the longitude (east-west)?</source>
        <translation>%s 的哪一列是经度（东西方向）？</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="273"/>
        <source>Latitude column</source>
        <translation>纬度列</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="274"/>
        <source>Which column of %s holds the latitude (north-south)?</source>
        <translation>%s 的哪一列是纬度（南北方向）？</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="290"/>
        <source>%s added: %s</source>
        <translation>已添加 %s：%s</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="291"/>
        <source>%s was added. Please note:</source>
        <translation>已添加 %s。请注意：</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="295"/>
        <source>%s added</source>
        <translation>已添加 %s</translation>
    </message>
    <message>
        <location filename="../add_layer.py" line="300"/>
        <source>%s could not be added.

%s</source>
        <translation>无法添加 %s。

%s</translation>
    </message>
</context>
<context>
    <name>LayersDock</name>
    <message>
        <location filename="../layers_dock.py" line="182"/>
        <location filename="../layers_dock.py" line="196"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="187"/>
        <source>Your layers</source>
        <translation>您的图层</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="187"/>
        <source>Story</source>
        <translation>故事</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="187"/>
        <source>Context</source>
        <translation>背景</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="200"/>
        <source>Opacity of the current layer</source>
        <translation>当前图层的不透明度</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="201"/>
        <source>&amp;Opacity</source>
        <translation>不透明度(&amp;O)</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="204"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="206"/>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location filename="../layers_dock.py" line="208"/>
        <source>&amp;Zoom to layer</source>
        <translation>缩放到图层(&amp;Z)</translation>
    </message>
    <message numerus="yes">
        <location filename="../layers_dock.py" line="316"/>
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n 个要素</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="25"/>
        <source>None (offline)</source>
        <translation>无（离线）</translation>
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
        <translation>Esri 世界影像</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="34"/>
        <source>N</source>
        <comment>latitude north</comment>
        <translation>北纬</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="36"/>
        <source>S</source>
        <comment>latitude south</comment>
        <translation>南纬</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="38"/>
        <source>E</source>
        <comment>longitude east</comment>
        <translation>东经</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="40"/>
        <source>W</source>
        <comment>longitude west</comment>
        <translation>西经</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="41"/>
        <source>{lat}° {ns}, {lon}° {ew}</source>
        <comment>cursor coordinates</comment>
        <translation>{ns} {lat}°，{ew} {lon}°</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="53"/>
        <source>Hegang Atlas — 鹤岗</source>
        <translation>鹤岗地图集 — Hegang Atlas</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="65"/>
        <source>Move over the map to see coordinates</source>
        <translation>将鼠标移到地图上以查看坐标</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="93"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="95"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="96"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="97"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="99"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="101"/>
        <source>Zoom to &amp;Hegang</source>
        <translation>缩放到鹤岗(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="102"/>
        <source>Zoom to &amp;selection</source>
        <translation>缩放到所选要素(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="103"/>
        <source>&amp;Clear selection</source>
        <translation>清除选择(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="105"/>
        <source>&amp;Basemap</source>
        <translation>底图(&amp;B)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="118"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="120"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="121"/>
        <source>&amp;About Hegang Atlas</source>
        <translation>关于鹤岗地图集(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129"/>
        <source>Basemap: %s</source>
        <translation>底图：%s</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="154"/>
        <source>Zoom %s</source>
        <translation>缩放级别 %s</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="159"/>
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="160"/>
        <source>Open this address in your web browser?

%s</source>
        <translation>在网页浏览器中打开此地址？

%s</translation>
    </message>
</context>
<context>
    <name>MeasureTool</name>
    <message>
        <location filename="../measure_tool.py" line="51"/>
        <source>Measure &amp;distance</source>
        <translation>测量距离(&amp;D)</translation>
    </message>
    <message>
        <location filename="../measure_tool.py" line="52"/>
        <source>Measure &amp;area</source>
        <translation>测量面积(&amp;A)</translation>
    </message>
    <message>
        <location filename="../measure_tool.py" line="54"/>
        <source>Measurement</source>
        <translation>测量结果</translation>
    </message>
    <message>
        <location filename="../measure_tool.py" line="55"/>
        <source>Geodesic, on the WGS84 ellipsoid</source>
        <translation>测地线计算，基于 WGS84 椭球体</translation>
    </message>
    <message>
        <location filename="../measure_tool.py" line="106"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../measure_tool.py" line="106"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
</context>
<context>
    <name>MissingFilesDialog</name>
    <message>
        <location filename="../project_actions.py" line="108"/>
        <source>Files not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="116"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="117"/>
        <source>Relink…</source>
        <translation>重新链接…</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="127"/>
        <source>These files of the project were not found. Find each one that moved; the others are left out.</source>
        <translation>找不到项目中的这些文件。请找到每个已移动的文件；其余文件将被略去。</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="139"/>
        <source>Find %s</source>
        <translation>查找 %s</translation>
    </message>
</context>
<context>
    <name>NotesWindow</name>
    <message>
        <location filename="../presenter.py" line="92"/>
        <source>Presenter notes</source>
        <translation>演讲者备注</translation>
    </message>
    <message>
        <location filename="../presenter.py" line="112"/>
        <source>(no notes)</source>
        <translation>（无备注）</translation>
    </message>
</context>
<context>
    <name>PlannerTools</name>
    <message>
        <location filename="../planner_install.py" line="84"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../preferences.py" line="17"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../preferences.py" line="26"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../preferences.py" line="27"/>
        <source>A new language applies when Hegang Atlas starts again.</source>
        <translation>新的语言将在鹤岗地图集重新启动后生效。</translation>
    </message>
</context>
<context>
    <name>PresenterMode</name>
    <message>
        <location filename="../presenter.py" line="147"/>
        <source>Presenter</source>
        <translation>演示</translation>
    </message>
</context>
<context>
    <name>PresenterPanel</name>
    <message>
        <location filename="../presenter.py" line="77"/>
        <source>Go to chapter: %s</source>
        <translation>转到章节：%s</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <location filename="../project_actions.py" line="200"/>
        <source>&amp;New project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="201"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="202"/>
        <source>&amp;Save project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="203"/>
        <source>Save project &amp;as…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="204"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="207"/>
        <source>Project opened</source>
        <translation>已打开项目</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="245"/>
        <location filename="../project_actions.py" line="273"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="275"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="275"/>
        <source>Save the changes to the project %s?</source>
        <translation>保存对项目 %s 的更改？</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="309"/>
        <location filename="../project_actions.py" line="331"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="310"/>
        <source>Hegang Atlas projects (*%s *.json);;All files (*)</source>
        <translation>鹤岗地图集项目 (*%s *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="332"/>
        <source>%s could not be opened.

%s</source>
        <translation>无法打开 %s。

%s</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="347"/>
        <source>Open Recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="348"/>
        <source>%s no longer exists; it was removed from Open Recent.</source>
        <translation>%s 已不存在，已从“最近打开”中移除。</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="379"/>
        <source>The project was opened. Please note:</source>
        <translation>项目已打开。请注意：</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="391"/>
        <source>basemap &apos;%s&apos; is not known; none is shown</source>
        <translation>未知的底图“%s”；不显示底图</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="394"/>
        <source>user layer &apos;%s&apos; was not loaded: %s was not found</source>
        <translation>未加载用户图层“%s”：找不到 %s</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="410"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="412"/>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="413"/>
        <source>Hegang Atlas projects (*%s)</source>
        <translation>鹤岗地图集项目 (*%s)</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="434"/>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="435"/>
        <source>The project could not be saved.

%s</source>
        <translation>无法保存项目。

%s</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="441"/>
        <source>Project saved to %s</source>
        <translation>项目已保存到 %s</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="478"/>
        <source>Autosave failed: %s</source>
        <translation>自动保存失败：%s</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="489"/>
        <location filename="../project_actions.py" line="499"/>
        <source>Restore unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="490"/>
        <source>Hegang Atlas did not close properly last time.

Restore unsaved work from %s?</source>
        <translation>鹤岗地图集上次未正常关闭。

要从 %s 恢复未保存的工作吗？</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="500"/>
        <source>The unsaved work could not be restored.

%s</source>
        <translation>无法恢复未保存的工作。

%s</translation>
    </message>
</context>
<context>
    <name>ProximityDialog</name>
    <message>
        <location filename="../proximity_dialog.py" line="60"/>
        <source>Find within a distance</source>
        <translation>查找一定距离内的要素</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="75"/>
        <source> km</source>
        <translation> 公里</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="78"/>
        <source>Layers to search</source>
        <translation>要搜索的图层</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="79"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="81"/>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="83"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="83"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="83"/>
        <source>Distance (km)</source>
        <translation>距离（公里）</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="89"/>
        <source>Features found</source>
        <translation>找到的要素</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="92"/>
        <source>Distances computed in UTM zone 52N (EPSG:32652): the shortest distance between the two shapes.</source>
        <translation>距离在 UTM 52N 带（EPSG:32652）中计算：两个形状之间的最短距离。</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="96"/>
        <source>Find &amp;within N km…</source>
        <translation>查找 N 公里内的要素(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="100"/>
        <source>From:</source>
        <translation>起点：</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="101"/>
        <source>&amp;Distance:</source>
        <translation>距离(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="102"/>
        <source>&amp;Layers:</source>
        <translation>图层(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="161"/>
        <source>%d feature(s) within %s km</source>
        <translation>找到 %d 个要素，距离不超过 %s 公里</translation>
    </message>
    <message>
        <location filename="../proximity_dialog.py" line="163"/>
        <source>Nothing within %s km</source>
        <translation>%s 公里内没有要素</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../search_dialog.py" line="60"/>
        <source>Find a feature</source>
        <translation>查找要素</translation>
    </message>
    <message>
        <location filename="../search_dialog.py" line="68"/>
        <source>Name, Chinese name or words from a source</source>
        <translation>名称、中文名或来源中的词语</translation>
    </message>
    <message>
        <location filename="../search_dialog.py" line="70"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../search_dialog.py" line="73"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../search_dialog.py" line="76"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../search_dialog.py" line="123"/>
        <source>No feature matches.</source>
        <translation>没有匹配的要素。</translation>
    </message>
</context>
<context>
    <name>StoryDock</name>
    <message>
        <location filename="../story_dock.py" line="39"/>
        <source>Sources disagree:</source>
        <translation>来源说法不一：</translation>
    </message>
    <message>
        <location filename="../story_dock.py" line="42"/>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../story_dock.py" line="75"/>
        <source>Story</source>
        <translation>故事</translation>
    </message>
    <message>
        <location filename="../story_dock.py" line="86"/>
        <source>◀ Previous</source>
        <translation>◀ 上一章</translation>
    </message>
    <message>
        <location filename="../story_dock.py" line="87"/>
        <source>Next ▶</source>
        <translation>下一章 ▶</translation>
    </message>
</context>
<context>
    <name>StoryEditor</name>
    <message>
        <location filename="../story_editor.py" line="35"/>
        <source>Story files (*.json)</source>
        <translation>故事文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="51"/>
        <source>Cannot open story</source>
        <translation>无法打开故事</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="161"/>
        <source>Story editor</source>
        <translation>故事编辑器</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="181"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="182"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="183"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="184"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="187"/>
        <source>Story title</source>
        <translation>故事标题</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="192"/>
        <source>Capture current view as chapter</source>
        <translation>将当前视图保存为章节</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="193"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="194"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="195"/>
        <source>Delete chapter</source>
        <translation>删除章节</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="203"/>
        <source>Paragraphs; lines starting with &quot;- &quot; are a list; **bold**, *italic*</source>
        <translation>段落；以“- ”开头的行为列表；**粗体**，*斜体*</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="205"/>
        <source>Presenter notes: a question for the class</source>
        <translation>演讲者备注：给全班的一个问题</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="209"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="210"/>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="211"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="212"/>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="233"/>
        <source>My story</source>
        <translation>我的故事</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="254"/>
        <source>a story needs a chapter: capture a view first</source>
        <translation>故事至少需要一个章节：请先保存一个视图</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="273"/>
        <source>Cannot save story</source>
        <translation>无法保存故事</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="285"/>
        <source>Chapter %d</source>
        <translation>第 %d 章</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="286"/>
        <source>What should the class see here?</source>
        <translation>全班应该在这里看到什么？</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="361"/>
        <source>Open story</source>
        <translation>打开故事</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="372"/>
        <source>Save story</source>
        <translation>保存故事</translation>
    </message>
</context>
<context>
    <name>StoryMode</name>
    <message>
        <location filename="../story_install.py" line="58"/>
        <source>&amp;Present story</source>
        <translation>演示故事(&amp;P)</translation>
    </message>
    <message>
        <location filename="../story_install.py" line="60"/>
        <source>&amp;Story</source>
        <translation>故事(&amp;S)</translation>
    </message>
    <message>
        <location filename="../story_install.py" line="68"/>
        <source>&amp;New story…</source>
        <translation>新建故事(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../story_install.py" line="69"/>
        <source>&amp;Open story…</source>
        <translation>打开故事(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../story_install.py" line="70"/>
        <source>&amp;Edit story…</source>
        <translation>编辑故事(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../story_install.py" line="103"/>
        <source>Open story</source>
        <translation>打开故事</translation>
    </message>
</context>
<context>
    <name>FileTools</name>
    <message>
        <location filename="../files_install.py" line="72"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../project_actions.py" line="538"/>
        <source>One project at a time: %s was opened</source>
        <translation>一次只能打开一个项目：已打开 %s</translation>
    </message>
</context>
</TS>
