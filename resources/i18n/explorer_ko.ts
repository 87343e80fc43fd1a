<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>App</name>
    <message>
        <location filename="../../annviz/gui/app.py" line="55"/>
        <source>Neuron lab</source>
        <translation>뉴런 실험실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/app.py" line="68"/>
        <source>Insight</source>
        <translation>분석</translation>
    </message>
</context>
<context>
    <name>Classroom</name>
    <message>
        <location filename="../../annviz/gui/classroom.py" line="75"/>
        <source>&amp;Zoom</source>
        <translation>확대/축소(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/classroom.py" line="76"/>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/classroom.py" line="77"/>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/classroom.py" line="78"/>
        <source>&amp;Actual size</source>
        <translation>실제 크기(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/classroom.py" line="79"/>
        <source>&amp;Presenter mode</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/classroom.py" line="81"/>
        <source>Show only the page: no menus, status bar or side panels (F11 brings them back)</source>
        <translation>페이지만 보여 줍니다: 메뉴, 상태 표시줄, 옆 패널을 숨깁니다 (F11을 누르면 다시 나타납니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/classroom.py" line="82"/>
        <source>Presenter mode (F11)</source>
        <translation>발표 모드 (F11)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/classroom.py" line="85"/>
        <source>&amp;Reset layout</source>
        <translation>배치 초기화(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/classroom.py" line="86"/>
        <source>Put the panels back where and as large as they start</source>
        <translation>패널을 처음 자리와 크기로 되돌립니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/classroom.py" line="87"/>
        <source>&amp;Welcome</source>
        <translation>환영 인사(&amp;W)</translation>
    </message>
</context>
<context>
    <name>DiagramTexts</name>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="32"/>
        <source>(⋮ {n} more)</source>
        <translation>(⋮ {n}개 더)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="41"/>
        <source>circles: activation · edges: weight × input</source>
        <translation>원: 활성화 · 선: 가중치 × 입력</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="43"/>
        <source>draw a digit to see what each part contributes</source>
        <translation>숫자를 그리면 각 부분의 기여도가 보입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="45"/>
        <source>contribution to the score of “{name}”, the prediction</source>
        <translation>예측한 “{name}”의 점수에 대한 기여도</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="47"/>
        <source>contribution to the score of “{name}”, chosen under Insight</source>
        <translation>분석 탭에서 고른 “{name}”의 점수에 대한 기여도</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="50"/>
        <source>blue: pushed the score down</source>
        <translation>파랑: 점수를 내림</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="50"/>
        <source>orange: pushed the score up</source>
        <translation>주황: 점수를 올림</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="52"/>
        <source>circles: black = 0 … white = 1</source>
        <translation>원: 검정 = 0 … 흰색 = 1</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="53"/>
        <source>blue edge: negative w·a</source>
        <translation>파랑 선: 음수 w·a</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="53"/>
        <source>orange edge: positive w·a</source>
        <translation>주황 선: 양수 w·a</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="64"/>
        <source>brightness a = {a}</source>
        <translation>밝기 a = {a}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="67"/>
        <source>activation a = {a}</source>
        <translation>활성화 a = {a}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="68"/>
        <source>weighted input z = {z}</source>
        <translation>가중 입력 z = {z}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="69"/>
        <source>bias b = {b}</source>
        <translation>편향 b = {b}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="75"/>
        <source>weight W{l}[{i}, {j}] = {w}</source>
        <translation>가중치 W{l}[{i}, {j}] = {w}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="77"/>
        <source>from {source} to {target}</source>
        <translation>{source} → {target}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="82"/>
        <source>Click to nudge it under Insight → Numeric slope vs backprop</source>
        <translation>클릭하면 분석 → 수치미분 vs 역전파에서 이 가중치를 살짝 움직여 봅니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram_texts.py" line="87"/>
        <source>contribution to the score of “{name}”: {c}</source>
        <translation>“{name}”의 점수에 대한 기여도: {c}</translation>
    </message>
</context>
<context>
    <name>ExplorerNames</name>
    <message>
        <location filename="../../annviz/gui/common/names.py" line="20"/>
        <source>input layer</source>
        <translation>입력층</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/common/names.py" line="22"/>
        <source>output layer</source>
        <translation>출력층</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/common/names.py" line="23"/>
        <source>hidden layer {n}</source>
        <translation>은닉층 {n}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/common/names.py" line="31"/>
        <source>input pixel (row {row}, column {col})</source>
        <translation>입력 픽셀 ({row}행, {col}열)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/common/names.py" line="34"/>
        <source>output neuron for “{name}”</source>
        <translation>“{name}”의 출력 뉴런</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/common/names.py" line="35"/>
        <source>{layer} · neuron {i}</source>
        <translation>{layer} · 뉴런 {i}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/common/names.py" line="47"/>
        <source>sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/common/names.py" line="47"/>
        <source>ReLU</source>
        <translation>렐루</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/common/names.py" line="48"/>
        <source>leaky ReLU</source>
        <translation>리키 렐루</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/common/names.py" line="48"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/common/names.py" line="49"/>
        <source>softmax</source>
        <translation>소프트맥스</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/common/names.py" line="49"/>
        <source>step</source>
        <translation>계단 함수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/common/names.py" line="50"/>
        <source>identity</source>
        <translation>항등 함수</translation>
    </message>
</context>
<context>
    <name>ExplorerPage</name>
    <message>
        <location filename="../../annviz/gui/explorer/page.py" line="230"/>
        <source>&lt;p&gt;&lt;b&gt;Input layer&lt;/b&gt;: the 28×28 image the network sees, 784 neurons holding a brightness from 0 (black) to 1 (white).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Hidden layers&lt;/b&gt;: each neuron computes its weighted input z = Σ w&lt;sub&gt;i&lt;/sub&gt;a&lt;sub&gt;i&lt;/sub&gt; + b and its activation a = f(z). Brighter circles in the diagram are more active.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Output layer&lt;/b&gt;: one neuron per digit; the brightest one is the answer.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Weights&lt;/b&gt;: orange edges and pixels are positive, blue ones negative. A first-layer neuron&apos;s 784 weights form a picture of what it looks for.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bias&lt;/b&gt;: a neuron&apos;s own offset, like an input that is always 1.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Numbering&lt;/b&gt;: on screen everything counts from 1, as the layers do (a⁽¹⁾ is the first hidden layer): hidden neurons, input pixels as (row, column) from the top left, and the matrix indices of the formulas — W⁽ˡ⁾[i, j] is the weight from neuron j to neuron i. Output neurons are named by their class. Only the code and the model files count from 0.&lt;/p&gt;&lt;p&gt;Click any neuron to see its numbers in the neuron inspector.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;입력층&lt;/b&gt;: 신경망이 보는 28×28 이미지로, 784개의 뉴런이 0(검정)부터 1(흰색)까지의 밝기를 담습니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;은닉층&lt;/b&gt;: 각 뉴런은 가중 입력 z = Σ w&lt;sub&gt;i&lt;/sub&gt;a&lt;sub&gt;i&lt;/sub&gt; + b 와 활성화 a = f(z)를 계산합니다. 그림에서 밝은 원일수록 더 활성화된 뉴런입니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;출력층&lt;/b&gt;: 숫자마다 뉴런이 하나씩 있고, 가장 밝은 뉴런이 답입니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;가중치&lt;/b&gt;: 주황 선과 픽셀은 양수, 파랑 선과 픽셀은 음수입니다. 첫 번째 은닉층 뉴런의 가중치 784개는 그 뉴런이 찾는 모양을 그림으로 보여 줍니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;편향&lt;/b&gt;: 뉴런마다 더해지는 값으로, 늘 1인 입력과 같습니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;번호&lt;/b&gt;: 화면에서는 층과 같이 모두 1부터 셉니다(a⁽¹⁾이 첫 번째 은닉층). 은닉 뉴런, 왼쪽 위에서부터의 (행, 열)로 나타내는 입력 픽셀, 그리고 식의 행렬 인덱스도 그렇습니다. W⁽ˡ⁾[i, j]는 뉴런 j에서 뉴런 i로 가는 가중치입니다. 출력 뉴런은 클래스 이름으로 부릅니다. 코드와 모델 파일만 0부터 셉니다.&lt;/p&gt;&lt;p&gt;뉴런을 클릭하면 뉴런 살펴보기 패널에서 그 숫자들을 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/page.py" line="245"/>
        <source>&lt;p&gt;&lt;b&gt;Touch a neuron&lt;/b&gt;: under a hidden neuron in the inspector, switch it off (its outgoing weights become 0), shift its bias or scale its incoming weights, and watch the prediction and the test accuracy change. Restore puts the network back.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;뉴런 건드려 보기&lt;/b&gt;: 뉴런 살펴보기 패널에서 은닉 뉴런 아래의 조절기로 뉴런을 끄거나(나가는 가중치가 0이 됩니다), 편향을 옮기거나, 들어오는 가중치의 크기를 바꾸고, 예측과 테스트 정확도가 어떻게 바뀌는지 보세요. ‘되돌리기’를 누르면 신경망이 원래대로 돌아옵니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/page.py" line="250"/>
        <source>Draw</source>
        <translation>그리기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/page.py" line="251"/>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/page.py" line="252"/>
        <source>Neuron inspector</source>
        <translation>뉴런 살펴보기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/page.py" line="253"/>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
</context>
<context>
    <name>FileErrors</name>
    <message>
        <location filename="../../annviz/messages.py" line="94"/>
        <source>a file</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="95"/>
        <source>a model file</source>
        <translation>모델 파일</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="96"/>
        <source>a training recording</source>
        <translation>학습 기록</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="97"/>
        <source>an annviz setup file</source>
        <translation>annviz 설정 파일</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="98"/>
        <source>a lesson file</source>
        <translation>수업 파일</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="99"/>
        <source>an image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="100"/>
        <source>an IDX file</source>
        <translation>IDX 파일</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="101"/>
        <source>an index of digits</source>
        <translation>숫자 목록 파일</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="102"/>
        <source>content</source>
        <translation>내용</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="103"/>
        <source>header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="104"/>
        <source>the header length</source>
        <translation>헤더 길이</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="105"/>
        <source>annviz metadata</source>
        <translation>annviz 메타데이터</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="106"/>
        <source>recording metadata</source>
        <translation>기록 메타데이터</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="107"/>
        <source>tensor {name}</source>
        <translation>텐서 {name}</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="108"/>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="109"/>
        <source>an integer</source>
        <translation>정수</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="110"/>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="111"/>
        <source>true or false</source>
        <translation>참 또는 거짓</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="112"/>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="113"/>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="114"/>
        <source>a table</source>
        <translation>표(table)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="115"/>
        <source>text</source>
        <translation>글자(text)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="116"/>
        <source>nothing (null)</source>
        <translation>빈 값(null)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="117"/>
        <source>{first} or {second}</source>
        <translation>{first} 또는 {second}</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="120"/>
        <source>no such file</source>
        <translation>파일이 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="121"/>
        <source>no such file (a part of the path is not a folder)</source>
        <translation>파일이 없습니다 (경로의 일부가 폴더가 아닙니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="122"/>
        <source>cannot be read (permission denied)</source>
        <translation>읽을 수 없습니다 (권한이 없습니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="123"/>
        <source>cannot be read: its symbolic links go round in a loop</source>
        <translation>읽을 수 없습니다: 심볼릭 링크가 서로를 가리키며 끝없이 돕니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="124"/>
        <source>cannot be read: its name is too long for this system</source>
        <translation>읽을 수 없습니다: 이 시스템에서 쓰기에는 이름이 너무 깁니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="125"/>
        <source>cannot be read ({why})</source>
        <translation>읽을 수 없습니다 ({why})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="126"/>
        <source>is a folder, not {kind}</source>
        <translation>{kind}이(가) 아니라 폴더입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="127"/>
        <source>is not a regular file (a pipe, device or socket), not {kind}</source>
        <translation>{kind}이(가) 아니라 일반 파일이 아닌 것(파이프, 장치, 소켓)입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="129"/>
        <source>is {size}, more than {kind} may be ({most})</source>
        <translation>크기가 {size}로, {kind}이(가) 가질 수 있는 크기({most})보다 큽니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="130"/>
        <source>is more than {kind} may be ({most})</source>
        <translation>{kind}이(가) 가질 수 있는 크기({most})보다 큽니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="131"/>
        <source>is not a valid file name</source>
        <translation>올바른 파일 이름이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="132"/>
        <source>truncated in {what} (expected {n} bytes, found {found})</source>
        <translation>{what}에서 파일이 잘렸습니다 ({n}바이트가 있어야 하는데 {found}바이트뿐입니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="134"/>
        <source>is not UTF-8 text</source>
        <translation>UTF-8 글자가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="135"/>
        <source>its {what} is nested {depth} levels deep (at most {most})</source>
        <translation>{what}이(가) {depth}단계로 중첩되어 있습니다 (최대 {most})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="137"/>
        <source>its {what} is not valid JSON (the error is at character {pos})</source>
        <translation>{what}이(가) 올바른 JSON이 아닙니다 (오류 위치: {pos}번째 글자)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="139"/>
        <source>its {what} is not UTF-8 text</source>
        <translation>{what}이(가) UTF-8 글자가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="140"/>
        <source>its {what} holds {name}, which is not a number this file may hold</source>
        <translation>{what}에 {name}이(가) 있는데, 이 파일에는 쓸 수 없는 값입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="142"/>
        <source>its {what} holds an integer of {digits} digits (at most {most})</source>
        <translation>{what}에 {digits}자리 정수가 있습니다 (최대 {most}자리)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="144"/>
        <source>its {what} holds the number {text}, too large for a float</source>
        <translation>{what}에 실수로 나타낼 수 없을 만큼 큰 수 {text}이(가) 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="146"/>
        <source>{field} should be {wanted}, not {found}</source>
        <translation>{field}은(는) {wanted}이어야 하는데 {found}입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="147"/>
        <source>{name} {value} is not a version number</source>
        <translation>{name} {value}은(는) 버전 번호가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="148"/>
        <source>{name} {value} is newer than this annviz reads (up to {newest}): update annviz to open it</source>
        <translation>{name} {value}은(는) 이 annviz가 읽을 수 있는 것({newest}까지)보다 새 버전입니다: 열려면 annviz를 업데이트하세요</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="151"/>
        <source>{field} is missing</source>
        <translation>{field}이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="152"/>
        <source>{field} should be a whole number from {lo} to {hi}, not {value}</source>
        <translation>{field}은(는) {lo}부터 {hi}까지의 정수여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="154"/>
        <source>{field} should be a number from {lo} to {hi}, not {value}</source>
        <translation>{field}은(는) {lo}부터 {hi}까지의 수여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="156"/>
        <source>{field} should be a list of at most {most} entries, each {wanted}</source>
        <translation>{field}은(는) 항목이 최대 {most}개인 목록이어야 하고, 각 항목은 {wanted}이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="158"/>
        <source>{field} should be a name of 1 to {most} characters</source>
        <translation>{field}은(는) 1~{most}글자의 이름이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="160"/>
        <source>{field} holds a name longer than {most} characters</source>
        <translation>{field}에 {most}글자보다 긴 이름이 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="161"/>
        <source>{field} {value} is not one of {known}</source>
        <translation>{field} {value}은(는) 다음 중 하나가 아닙니다: {known}</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="162"/>
        <source>{field} should hold {n} entries, not {found}</source>
        <translation>{field}에는 항목이 {n}개 있어야 하는데 {found}개입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="163"/>
        <source>{field} holds {n} entries, more than {most}</source>
        <translation>{field}에 항목이 {n}개로, 최대 {most}개보다 많습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="164"/>
        <source>its network has {n} weights and biases, more than annviz opens ({most})</source>
        <translation>신경망의 가중치와 편향이 {n}개로, annviz가 여는 최대 개수({most})보다 많습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="167"/>
        <source>{field}: these training settings cannot train ({detail})</source>
        <translation>{field}: 이 학습 설정으로는 학습할 수 없습니다 ({detail})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="169"/>
        <source>is nested too deeply to be read</source>
        <translation>너무 깊이 중첩되어 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="170"/>
        <source>is damaged in a way annviz did not expect ({detail}); the details are in annviz&apos;s log</source>
        <translation>annviz가 예상하지 못한 방식으로 손상되었습니다 ({detail}). 자세한 내용은 annviz 로그에 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="173"/>
        <source>there was not enough memory to read it</source>
        <translation>읽기에 필요한 메모리가 부족합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="176"/>
        <source>too short to be a safetensors file (truncated or empty)</source>
        <translation>safetensors 파일이라기에는 너무 짧습니다 (잘렸거나 비어 있음)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="178"/>
        <source>not a safetensors file, or a damaged one: its header would be {size} (at most {most})</source>
        <translation>safetensors 파일이 아니거나 손상된 파일입니다: 헤더가 {size}라고 되어 있습니다 (최대 {most})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="181"/>
        <source>not a safetensors file, or truncated (its header runs past the end)</source>
        <translation>safetensors 파일이 아니거나 잘린 파일입니다 (헤더가 파일 끝을 넘어갑니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="183"/>
        <source>not a safetensors file (its header is not a JSON object)</source>
        <translation>safetensors 파일이 아닙니다 (헤더가 JSON 객체가 아닙니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="185"/>
        <source>damaged safetensors header: __metadata__ is not an object of strings</source>
        <translation>손상된 safetensors 헤더: __metadata__가 문자열로 된 객체가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="188"/>
        <source>damaged safetensors header: tensor {name} is not described by an object</source>
        <translation>손상된 safetensors 헤더: 텐서 {name}이(가) 객체로 설명되어 있지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="191"/>
        <source>damaged safetensors header: tensor {name} has dtype {dtype}, which annviz does not read (it reads {dtypes})</source>
        <translation>손상된 safetensors 헤더: 텐서 {name}의 자료형 {dtype}은(는) annviz가 읽지 않는 형식입니다 (읽는 형식: {dtypes})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="194"/>
        <source>damaged safetensors header: tensor {name} has a shape that is not a list of sizes</source>
        <translation>손상된 safetensors 헤더: 텐서 {name}의 모양이 크기 목록이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="197"/>
        <source>damaged safetensors header: tensor {name} has data_offsets that are not two byte positions</source>
        <translation>손상된 safetensors 헤더: 텐서 {name}의 data_offsets가 바이트 위치 두 개가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="200"/>
        <source>damaged safetensors header: tensor {name} of shape {shape} and dtype {dtype} needs {n} bytes, its offsets span {span}</source>
        <translation>손상된 safetensors 헤더: 모양 {shape}, 자료형 {dtype}인 텐서 {name}에는 {n}바이트가 필요한데 위치 정보는 {span}바이트입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="203"/>
        <source>damaged safetensors header: tensor {name} starts at byte {begin}, expected {expected} (tensors overlap or leave gaps)</source>
        <translation>손상된 safetensors 헤더: 텐서 {name}이(가) {begin}바이트에서 시작하는데 {expected}바이트여야 합니다 (텐서가 겹치거나 사이가 비어 있습니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="206"/>
        <source>truncated: its header promises {n} bytes of tensors, the file holds {found}</source>
        <translation>잘린 파일입니다: 헤더에는 텐서가 {n}바이트라고 되어 있지만 파일에는 {found}바이트만 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="208"/>
        <source>{n} unexpected bytes after the tensors</source>
        <translation>텐서 뒤에 예상하지 못한 {n}바이트가 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="209"/>
        <source>tensor {name} has dtype {dtype}; annviz reads weights stored as {dtypes} (in PyTorch: tensor.float())</source>
        <translation>텐서 {name}의 자료형이 {dtype}입니다. annviz는 {dtypes}로 저장된 가중치만 읽습니다 (PyTorch에서는 tensor.float())</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="212"/>
        <source>truncated in tensor {name}</source>
        <translation>텐서 {name}에서 파일이 잘렸습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="213"/>
        <source>tensor {name} holds NaN or infinite numbers</source>
        <translation>텐서 {name}에 NaN이나 무한대 값이 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="214"/>
        <source>tensor {name} holds numbers too large for float32</source>
        <translation>텐서 {name}에 float32로 나타낼 수 없을 만큼 큰 수가 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="218"/>
        <source>a PyTorch network ({layout}) without annviz metadata: say which activation its hidden layers use and whether its last layer outputs logits</source>
        <translation>annviz 메타데이터가 없는 PyTorch 신경망({layout})입니다: 은닉층의 활성화 함수가 무엇인지, 마지막 층이 로짓을 내는지 알려 주세요</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="221"/>
        <source>a training recording, not an annviz model: open it with File → Open training recording</source>
        <translation>annviz 모델이 아니라 학습 기록입니다: 파일 → 학습 기록 열기로 여세요</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="224"/>
        <source>an annviz model: it names its own activations, open it as one</source>
        <translation>annviz 모델입니다: 활성화 함수가 파일에 적혀 있으니 annviz 모델로 여세요</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="226"/>
        <source>its annviz metadata is not a JSON object</source>
        <translation>annviz 메타데이터가 JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="227"/>
        <source>its annviz metadata lacks layer_sizes or activations</source>
        <translation>annviz 메타데이터에 layer_sizes나 activations가 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="229"/>
        <source>layer_sizes should be a list of whole numbers</source>
        <translation>layer_sizes는 정수 목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="230"/>
        <source>layer_sizes {sizes} do not describe a network annviz can hold (2 to {layers} layers of 1 to {most} neurons)</source>
        <translation>layer_sizes {sizes}는 annviz가 담을 수 있는 신경망이 아닙니다 (층 2~{layers}개, 층마다 뉴런 1~{most}개)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="233"/>
        <source>{n} layers but {m} activations</source>
        <translation>층은 {n}개인데 활성화 함수는 {m}개입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="234"/>
        <source>unknown activation {name} (known: {known})</source>
        <translation>알 수 없는 활성화 함수 {name} (아는 것: {known})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="235"/>
        <source>unknown loss {name} (known: {known})</source>
        <translation>알 수 없는 손실 함수 {name} (아는 것: {known})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="236"/>
        <source>class_names should be a list of strings</source>
        <translation>class_names는 문자열 목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="237"/>
        <source>test_accuracy {value} is not between 0 and 1</source>
        <translation>test_accuracy {value}가 0과 1 사이가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="238"/>
        <source>tensor {name} is missing</source>
        <translation>텐서 {name}이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="239"/>
        <source>tensor {name} has shape {shape}, expected {expected} from layer_sizes {sizes}</source>
        <translation>텐서 {name}의 모양이 {shape}입니다. layer_sizes {sizes}에 따르면 {expected}이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="242"/>
        <source>unexpected tensors {names}</source>
        <translation>예상하지 못한 텐서: {names}</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="243"/>
        <source>a safetensors file without annviz metadata, and not a network annviz understands: {fault}. annviz opens its own models, and PyTorch networks of nn.Linear layers (after nn.Conv2d layers in a convolutional one), named layers.0.weight … (nn.ModuleList), 0.weight … (nn.Sequential) or fc1.weight … (numbered names), taking {n_inputs} inputs</source>
        <translation>annviz 메타데이터가 없는 safetensors 파일이고, annviz가 이해하는 신경망도 아닙니다: {fault}. annviz는 자기 모델과, nn.Linear 층으로 된 PyTorch 신경망(합성곱 신경망이면 nn.Conv2d 층 다음에)을 엽니다. 층 이름은 layers.0.weight …(nn.ModuleList), 0.weight …(nn.Sequential), fc1.weight …(번호 붙은 이름)이어야 하고, 입력은 {n_inputs}개여야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="250"/>
        <source>it holds no tensors</source>
        <translation>텐서가 하나도 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="251"/>
        <source>tensor {name} is not the weight or bias of a layer</source>
        <translation>텐서 {name}은(는) 층의 가중치나 편향이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="253"/>
        <source>{n} layers, more than the {most} annviz can hold</source>
        <translation>층이 {n}개로, annviz가 담을 수 있는 {most}개보다 많습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="255"/>
        <source>layer {name} has a bias but no weight</source>
        <translation>층 {name}에 편향은 있지만 가중치가 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="256"/>
        <source>tensor {name} has shape {shape}, not the (out, in) of an nn.Linear</source>
        <translation>텐서 {name}의 모양 {shape}는 nn.Linear의 (out, in) 모양이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="258"/>
        <source>tensor {name} has shape {shape}, expected {expected} to go with {weight} {wshape}</source>
        <translation>텐서 {name}의 모양이 {shape}입니다. {weight} {wshape}와 짝이 되려면 {expected}이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="261"/>
        <source>its first layer, {name}, takes {n} inputs, not the {n_inputs} pixels of a 28×28 image</source>
        <translation>첫 층 {name}은(는) 입력을 {n}개 받습니다. 28×28 이미지의 픽셀 {n_inputs}개가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="264"/>
        <source>the shapes do not chain: {name} takes {n} inputs, the layer before gives {m}</source>
        <translation>층의 모양이 이어지지 않습니다: {name}은(는) 입력을 {n}개 받는데 앞 층은 {m}개를 냅니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="267"/>
        <source>layer {name} has {n} neurons (annviz holds 1 to {most})</source>
        <translation>층 {name}의 뉴런이 {n}개입니다 (annviz는 1~{most}개를 담습니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="269"/>
        <source>layer name {name} does not end in a number giving its order</source>
        <translation>층 이름 {name}이(가) 순서를 나타내는 숫자로 끝나지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="271"/>
        <source>layer name {name} ends in a number of {digits} digits (at most {most})</source>
        <translation>층 이름 {name}이(가) {digits}자리 숫자로 끝납니다 (최대 {most}자리)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="274"/>
        <source>the layer names {names} do not share one pattern</source>
        <translation>층 이름 {names}이(가) 한 가지 규칙을 따르지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="277"/>
        <source>its layers are not a convolutional network annviz can build: convolutions and max-pools, one flatten, then dense layers ending in the output layer</source>
        <translation>층들이 annviz가 만들 수 있는 합성곱 신경망이 아닙니다: 합성곱과 최대 풀링, 평탄화 하나, 그다음 출력층으로 끝나는 완전 연결층이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="280"/>
        <source>too many layers: convolutions {conv} (annviz holds at most {most_conv}), dense layers {dense} (at most {most_dense})</source>
        <translation>층이 너무 많습니다: 합성곱층 {conv}개 (annviz는 최대 {most_conv}개까지 담습니다), 완전 연결층 {dense}개 (최대 {most_dense}개)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="283"/>
        <source>layers lists {n} entries (at most {most})</source>
        <translation>layers에 항목이 {n}개 있습니다 (최대 {most}개)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="284"/>
        <source>layers[{layer}] is not a JSON object</source>
        <translation>layers[{layer}]가 JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="285"/>
        <source>layers[{layer}] is of kind {name}, which annviz does not know (known: {known})</source>
        <translation>layers[{layer}]의 종류 {name}은(는) annviz가 모르는 것입니다 (아는 것: {known})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="287"/>
        <source>layer {layer}: {filters} filters of {kernel}×{kernel} padded by {padding}; annviz holds 1 to {most_filters} filters of at most {most_kernel}×{most_kernel}, padded by less than the kernel&apos;s side</source>
        <translation>층 {layer}: {kernel}×{kernel} 필터 {filters}개, 패딩 {padding}; annviz는 최대 {most_kernel}×{most_kernel} 크기의 필터를 1개부터 {most_filters}개까지, 커널 한 변보다 작은 패딩으로 담습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="291"/>
        <source>layer {layer}: a {kernel}×{kernel} kernel does not fit maps of {h}×{w} padded by {padding}</source>
        <translation>층 {layer}: {kernel}×{kernel} 커널이 패딩 {padding}을 더한 {h}×{w} 특징 맵에 들어가지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="294"/>
        <source>layer {layer}: max-pools of {size}×{size}; annviz pools 2×2</source>
        <translation>층 {layer}: {size}×{size} 최대 풀링; annviz는 2×2로 풀링합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="296"/>
        <source>layer {layer}: maps of {h}×{w} are too small for a 2×2 max-pool</source>
        <translation>층 {layer}: {h}×{w} 특징 맵은 2×2 최대 풀링을 하기에 너무 작습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="298"/>
        <source>layer {layer}: {size} neurons (a dense layer holds 1 to {most})</source>
        <translation>층 {layer}: 뉴런 {size}개 (완전 연결층은 1개부터 {most}개까지 담습니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="300"/>
        <source>layer {layer}: {name} is not an activation this layer can use</source>
        <translation>층 {layer}: {name}은(는) 이 층이 쓸 수 있는 활성화 함수가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="302"/>
        <source>layer {layer}: the network would take more work per image than annviz allows</source>
        <translation>층 {layer}: 이 신경망은 이미지 한 장에 annviz가 허용하는 것보다 많은 계산이 듭니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="304"/>
        <source>input_shape should be [1, 28, 28] (one 28×28 grey image), not {shape}</source>
        <translation>input_shape는 {shape}가 아니라 [1, 28, 28](28×28 회색조 이미지 한 장)이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="306"/>
        <source>tensor {name} has shape {shape}, expected {expected} from its layers</source>
        <translation>텐서 {name}의 모양이 {shape}입니다. 층들에 따르면 {expected}여야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="308"/>
        <source>a convolutional network ({layers}); this window shows multilayer perceptrons only for now (the command line&apos;s annviz evaluate and annviz predict use it)</source>
        <translation>합성곱 신경망입니다({layers}). 이 창은 지금은 다층 퍼셉트론만 보여 줍니다 (명령줄의 annviz evaluate와 annviz predict는 이 신경망을 씁니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="311"/>
        <source>tensor {name} has shape {shape}, not the (filters, channels, k, k) of an nn.Conv2d with square kernels</source>
        <translation>텐서 {name}의 모양 {shape}은(는) 정사각형 커널을 쓰는 nn.Conv2d의 (필터, 채널, k, k)가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="314"/>
        <source>layer {name} has {filters} filters of {kernel}×{kernel} (annviz holds 1 to {most_filters} filters of at most {most_kernel}×{most_kernel})</source>
        <translation>층 {name}에 {kernel}×{kernel} 필터가 {filters}개 있습니다 (annviz는 최대 {most_kernel}×{most_kernel} 크기의 필터를 1개부터 {most_filters}개까지 담습니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="317"/>
        <source>the shapes do not chain: {name} takes {n} channels, the layer before gives {m}</source>
        <translation>모양이 이어지지 않습니다: {name}은(는) 채널 {n}개를 받는데, 앞 층은 {m}개를 줍니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="319"/>
        <source>an nn.Linear comes before the nn.Conv2d {name}: annviz reads convolutions first, then linear layers</source>
        <translation>nn.Conv2d {name} 앞에 nn.Linear가 있습니다: annviz는 합성곱을 먼저, 그다음 선형 층을 읽습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="322"/>
        <source>its convolutions are followed by no nn.Linear layer</source>
        <translation>합성곱 다음에 nn.Linear 층이 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="324"/>
        <source>its first nn.Linear, {name}, takes {n} inputs, which no arrangement of padding (none or half the kernel) and 2×2 max-pools after its convolutions gives</source>
        <translation>첫 nn.Linear인 {name}은(는) 입력 {n}개를 받는데, 합성곱 뒤의 패딩(없음 또는 커널의 절반)과 2×2 최대 풀링을 어떻게 놓아도 그 크기가 나오지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="327"/>
        <source>a PyTorch network without annviz metadata whose padding and pooling its file cannot tell: {n} arrangements fit ({candidates}); say which (on the command line: --arrangement N)</source>
        <translation>annviz 메타데이터가 없는 PyTorch 신경망이라 파일만으로는 패딩과 풀링을 알 수 없습니다: 맞는 배치가 {n}가지입니다({candidates}). 어느 것인지 알려 주세요 (명령줄에서는 --arrangement N)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="333"/>
        <source>a safetensors file, but not an annviz training recording</source>
        <translation>safetensors 파일이지만 annviz 학습 기록이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="335"/>
        <source>damaged recording: its metadata is not an object</source>
        <translation>손상된 기록: 메타데이터가 객체가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="337"/>
        <source>layer sizes must be 2 to {layers} whole numbers of 1 to {most}</source>
        <translation>층 크기는 1~{most} 사이의 정수 2~{layers}개여야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="339"/>
        <source>class_names should be {n} names, one per output neuron</source>
        <translation>class_names는 출력 뉴런마다 하나씩, 이름 {n}개여야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="341"/>
        <source>damaged recording: moment {i} is at step {step}, not after step {before}</source>
        <translation>손상된 기록: 순간 {i}이(가) {step}단계에 있어 {before}단계 뒤가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="343"/>
        <source>the recording holds no moments</source>
        <translation>기록에 순간이 하나도 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="344"/>
        <source>damaged recording: its batch losses do not fit together</source>
        <translation>손상된 기록: 배치 손실들이 서로 맞지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="345"/>
        <source>damaged recording: {n} optimizer arrays do not fit {optimizer}</source>
        <translation>손상된 기록: 옵티마이저 배열 {n}개가 {optimizer}에 맞지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="347"/>
        <source>damaged recording: {field} is not the state of a random generator</source>
        <translation>손상된 기록: {field}이(가) 난수 생성기의 상태가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="349"/>
        <source>damaged recording: tensor {name} is missing</source>
        <translation>손상된 기록: 텐서 {name}이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="350"/>
        <source>damaged recording: {field} names {name}, which an earlier diagnosis names already</source>
        <translation>손상된 기록: {field}이(가) 앞의 진단이 이미 지목한 {name}을(를) 다시 지목합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="352"/>
        <source>{field} is not a fix annviz can describe and replay</source>
        <translation>{field}은(는) annviz가 설명하고 고쳐서 다시 학습할 수 있는 해결책이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="354"/>
        <source>damaged recording: tensor {name} has shape {shape}, expected {expected}</source>
        <translation>손상된 기록: 텐서 {name}의 모양이 {shape}인데 {expected}이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="356"/>
        <source>damaged recording: tensor {name} is {dtype}, not {expected}</source>
        <translation>손상된 기록: 텐서 {name}의 자료형이 {dtype}인데 {expected}이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="360"/>
        <source>is not an annviz setup file (not a JSON object)</source>
        <translation>annviz 설정 파일이 아닙니다 (JSON 객체가 아닙니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="361"/>
        <source>is not an annviz setup file (it has no &quot;kind&quot;: &quot;annviz-setup&quot;)</source>
        <translation>annviz 설정 파일이 아닙니다 (&quot;kind&quot;: &quot;annviz-setup&quot;이 없습니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="363"/>
        <source>{field} should hold {lo} to {hi} numbers, not {n}</source>
        <translation>{field}에는 수가 {lo}~{hi}개 있어야 하는데 {n}개입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="365"/>
        <source>{field} should hold numbers (at most {most} in size)</source>
        <translation>{field}에는 수만 있어야 합니다 (크기는 최대 {most})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="366"/>
        <source>{field} should hold whole numbers (at most {most} in size)</source>
        <translation>{field}에는 정수만 있어야 합니다 (크기는 최대 {most})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="368"/>
        <source>{field} should hold whole numbers from {lo} to {hi}</source>
        <translation>{field}에는 {lo}부터 {hi}까지의 정수만 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="370"/>
        <source>input.exact should be 28×28 float32 numbers from 0 to 1 in base64</source>
        <translation>input.exact는 0부터 1까지의 float32 수 28×28개를 base64로 담아야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="372"/>
        <source>convolution.model should be a convolutional network on 28×28 images with 10 outputs</source>
        <translation>convolution.model은 28×28 이미지를 받아 출력이 10개인 합성곱 신경망이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="374"/>
        <source>convolution.drawing should be 28×28 float32 numbers from 0 to 1 in base64</source>
        <translation>convolution.drawing은 0부터 1까지의 float32 수 28×28개를 base64로 담아야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="376"/>
        <source>convolution.hand_kernel should be 3×3 or 5×5 numbers from −9.99 to 9.99</source>
        <translation>convolution.hand_kernel은 −9.99부터 9.99까지의 수 3×3개 또는 5×5개여야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="378"/>
        <source>views.nudge should be [layer, i, j, h]: whole numbers and an h from 1e-16 to 10</source>
        <translation>views.nudge는 [층, i, j, h] 꼴이어야 합니다: 정수 세 개와 1e-16부터 10까지의 h</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="380"/>
        <source>views.stepper should be [stage from 1, a learning rate from 0 to 10]</source>
        <translation>views.stepper는 [1부터 세는 과정, 0부터 10까지의 학습률] 꼴이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="382"/>
        <source>its model is larger than a setup may carry ({most} MiB)</source>
        <translation>모델이 설정 파일에 담을 수 있는 크기({most} MiB)보다 큽니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="384"/>
        <source>the model is {size} MiB, more than a setup may carry ({most} MiB)</source>
        <translation>모델이 {size} MiB로, 설정 파일에 담을 수 있는 크기({most} MiB)보다 큽니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="387"/>
        <source>{field} is not base64 text</source>
        <translation>{field}이(가) base64 글자가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="388"/>
        <source>input.pixels should be 28×28 = 784 bytes in base64</source>
        <translation>input.pixels는 28×28 = 784바이트를 base64로 쓴 것이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="389"/>
        <source>selected_neuron should be [layer, neuron], two whole numbers</source>
        <translation>selected_neuron은 [층, 뉴런], 정수 두 개여야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="391"/>
        <source>neuron.xs has {n} inputs but neuron.ws {m} weights</source>
        <translation>neuron.xs의 입력은 {n}개인데 neuron.ws의 가중치는 {m}개입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="393"/>
        <source>{field}x and {field}y should list the same points (at most {most})</source>
        <translation>{field}x와 {field}y는 같은 점들을 나열해야 합니다 (최대 {most}개)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="395"/>
        <source>{field}x should hold points [x1, x2] of two numbers</source>
        <translation>{field}x에는 수 두 개로 된 점 [x1, x2]가 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="396"/>
        <source>{field}y should hold the classes 0 and 1</source>
        <translation>{field}y에는 클래스 0과 1만 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="397"/>
        <source>playground.hidden should list layer sizes from 1 to 64</source>
        <translation>playground.hidden에는 1~64 사이의 층 크기를 나열해야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="399"/>
        <source>playground.features should name some of {known}</source>
        <translation>playground.features에는 다음 중 몇 가지를 적어야 합니다: {known}</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="400"/>
        <source>lesson.lesson {name} is not the name of a lesson: a setup names a lesson or carries it, never a file&apos;s path</source>
        <translation>lesson.lesson {name}은(는) 수업 이름이 아닙니다: 설정 파일은 수업의 이름을 적거나 수업을 담을 뿐, 파일 경로는 적지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="403"/>
        <source>lesson.lesson {name} is neither a bundled lesson nor one in your lessons folder (the bundled lessons: {names})</source>
        <translation>lesson.lesson {name}은(는) annviz에 들어 있는 수업도, 내 수업 폴더에 있는 수업도 아닙니다 (들어 있는 수업: {names})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="406"/>
        <source>page {name} is not one of {known}</source>
        <translation>화면 {name}은(는) 다음 중 하나가 아닙니다: {known}</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="407"/>
        <source>tab {name} is not a tab of the {page} page ({known})</source>
        <translation>탭 {name}은(는) {page} 화면의 탭이 아닙니다 ({known})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="408"/>
        <source>its model takes {n} inputs, not 28×28 = 784</source>
        <translation>모델이 입력을 {n}개 받습니다. 28×28 = 784개가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="411"/>
        <source>has {width} x {height} pixels, more than annviz reads ({most} megapixels); make it smaller</source>
        <translation>픽셀이 {width} x {height}개로, annviz가 읽는 크기({most}메가픽셀)보다 큽니다. 더 작게 만드세요</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="414"/>
        <source>is {width} x {height} pixels; annviz reads images of at most {most} pixels on a side</source>
        <translation>픽셀이 {width} x {height}개입니다. annviz는 한 변이 최대 {most}픽셀인 이미지를 읽습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="417"/>
        <source>not an image annviz reads ({formats}), or a damaged one</source>
        <translation>annviz가 읽는 이미지({formats})가 아니거나 손상된 이미지입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="419"/>
        <source>has more pixels than annviz reads ({most} megapixels), refused as a possible decompression bomb</source>
        <translation>annviz가 읽는 것({most}메가픽셀)보다 픽셀이 많아, 압축 폭탄일 수 있어 거부했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="422"/>
        <source>too large to decode in the memory available</source>
        <translation>사용할 수 있는 메모리로 풀기에는 너무 큽니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="423"/>
        <source>damaged or unsupported image ({detail})</source>
        <translation>손상되었거나 지원하지 않는 이미지입니다 ({detail})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="426"/>
        <source>corrupt gzip data: {detail}</source>
        <translation>손상된 gzip 자료: {detail}</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="427"/>
        <source>too short for an IDX header ({n} bytes)</source>
        <translation>IDX 헤더라기에는 너무 짧습니다 ({n}바이트)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="428"/>
        <source>wrong magic number {magic}: an IDX file starts with two zero bytes</source>
        <translation>매직 넘버 {magic}이(가) 틀렸습니다: IDX 파일은 0인 바이트 두 개로 시작합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="430"/>
        <source>unknown IDX data type {code} in magic number</source>
        <translation>매직 넘버에 알 수 없는 IDX 자료형 {code}이(가) 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="431"/>
        <source>magic number says 0 dimensions</source>
        <translation>매직 넘버에 차원이 0개라고 되어 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="432"/>
        <source>truncated header: {ndim} dimensions need {n} bytes, found {found}</source>
        <translation>잘린 헤더: 차원 {ndim}개에는 {n}바이트가 필요한데 {found}바이트뿐입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="434"/>
        <source>its header declares shape {shape}, {size} of data; an IDX file may hold at most {most}</source>
        <translation>헤더에 모양 {shape}, 자료 {size}라고 되어 있습니다. IDX 파일은 최대 {most}까지 담을 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="437"/>
        <source>truncated: expected {n} bytes of data, found {found}</source>
        <translation>잘린 파일입니다: 자료가 {n}바이트여야 하는데 {found}바이트뿐입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="438"/>
        <source>{extra} unexpected bytes after the data (expected {n} bytes of data for shape {shape}, found {found})</source>
        <translation>자료 뒤에 예상하지 못한 {extra}바이트가 있습니다 (모양 {shape}의 자료는 {n}바이트여야 하는데 {found}바이트입니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="441"/>
        <source>more data than its header declares (shape {shape}, {n} bytes)</source>
        <translation>헤더에 적힌 것보다 자료가 많습니다 (모양 {shape}, {n}바이트)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="445"/>
        <source>no such folder</source>
        <translation>폴더가 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="446"/>
        <source>is not a folder</source>
        <translation>폴더가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="447"/>
        <source>{why}, skipped</source>
        <translation>{why} — 건너뜀</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="448"/>
        <source>is not a JSON object</source>
        <translation>JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="449"/>
        <source>digit {key} has no side ({train} or {held})</source>
        <translation>숫자 {key}에 쓰임({train} 또는 {held})이 적혀 있지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="450"/>
        <source>{why}; the sides of its digits are decided again</source>
        <translation>{why}. 숫자들의 쓰임을 다시 정합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="452"/>
        <source>is not in a digit folder (0 to 9)</source>
        <translation>숫자 폴더(0~9) 안에 있지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="453"/>
        <source>is not a digit folder (its name should be 0 to 9)</source>
        <translation>숫자 폴더가 아닙니다 (이름이 0~9여야 합니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="455"/>
        <source>is not an image ({suffixes})</source>
        <translation>이미지가 아닙니다 ({suffixes})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="456"/>
        <source>is a file the system keeps, not a digit</source>
        <translation>운영체제가 남긴 파일이며 숫자가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="457"/>
        <source>is past the first {most} images of {root}</source>
        <translation>{root}의 처음 {most}개 이미지를 넘어섭니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="458"/>
        <source>is blank (no ink)</source>
        <translation>비어 있습니다 (잉크가 없습니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="459"/>
        <source>the index of my digits cannot be written here ({why})</source>
        <translation>내 숫자 목록 파일을 여기에 쓸 수 없습니다 ({why})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="461"/>
        <source>my digits hold {most} already; the rest were not imported</source>
        <translation>내 숫자가 이미 {most}개입니다. 나머지는 가져오지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="465"/>
        <source>is not valid TOML (the error is at line {line}, column {column})</source>
        <translation>올바른 TOML이 아닙니다 (오류 위치: {line}번째 줄, {column}번째 글자)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="467"/>
        <source>nests lists and tables {depth} deep (at most {most})</source>
        <translation>목록과 표가 {depth}단계로 중첩되어 있습니다 (최대 {most})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="469"/>
        <source>has a key of {parts} dotted parts, near line {line} (at most {most})</source>
        <translation>{line}번째 줄 근처에 점으로 이은 부분이 {parts}개인 키가 있습니다 (최대 {most})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="472"/>
        <source>has a key or a number of {length} characters, near line {line} (at most {most})</source>
        <translation>{line}번째 줄 근처에 {length}글자인 키나 수가 있습니다 (최대 {most})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="475"/>
        <source>should be a table, not {found}</source>
        <translation>표(table)여야 하는데 {found}입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="476"/>
        <source>unknown key {key} (known: {known})</source>
        <translation>알 수 없는 키 {key} (아는 것: {known})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="477"/>
        <source>{key} is missing</source>
        <translation>{key}이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="478"/>
        <source>should be a whole number, not {found}</source>
        <translation>정수여야 하는데 {found}입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="479"/>
        <source>{value} is not between {lo} and {hi}</source>
        <translation>{value}이(가) {lo}와 {hi} 사이가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="480"/>
        <source>should be a number, not {found}</source>
        <translation>수여야 하는데 {found}입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="481"/>
        <source>{value} is not a number between {lo} and {hi}</source>
        <translation>{value}이(가) {lo}와 {hi} 사이의 수가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="482"/>
        <source>should be text, not {found}</source>
        <translation>글자(text)여야 하는데 {found}입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="483"/>
        <source>is longer than {most} characters</source>
        <translation>{most}글자보다 깁니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="484"/>
        <source>should be a list, not {found}</source>
        <translation>목록이어야 하는데 {found}입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="485"/>
        <source>has {n} entries, more than {most}</source>
        <translation>항목이 {n}개로, 최대 {most}개보다 많습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="486"/>
        <source>is empty</source>
        <translation>비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="487"/>
        <source>may not hold HTML comments or declarations</source>
        <translation>HTML 주석이나 선언은 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="488"/>
        <source>the tag &lt;{tag}&gt; is not allowed (allowed: {allowed})</source>
        <translation>태그 &lt;{tag}&gt;는 쓸 수 없습니다 (쓸 수 있는 태그: {allowed})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="490"/>
        <source>the tag &lt;{tag}&gt; may not have attributes</source>
        <translation>태그 &lt;{tag}&gt;에는 속성을 붙일 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="491"/>
        <source>no widget is called {name} (the names are listed in resources/lessons/README.md)</source>
        <translation>{name}(이)라는 위젯이 없습니다 (이름 목록은 resources/lessons/README.md에 있습니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="494"/>
        <source>{name} is a {kind}, not a {wanted}</source>
        <translation>{name}은(는) {kind}이지 {wanted}이(가) 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="495"/>
        <source>the file&apos;s name {name} should be letters, digits, - and _ only, at most {most} characters</source>
        <translation>파일 이름 {name}은(는) 글자, 숫자, -, _만으로 최대 {most}글자여야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="498"/>
        <source>unknown concept {name} (known: {known})</source>
        <translation>알 수 없는 개념 {name} (아는 것: {known})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="499"/>
        <source>a lesson needs at least one step</source>
        <translation>수업에는 단계가 적어도 하나 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="500"/>
        <source>a task needs at least one check</source>
        <translation>과제에는 확인 항목이 적어도 하나 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="501"/>
        <source>{{{name}}} is not a value its checks measure (known: {known})</source>
        <translation>{{{name}}}은(는) 이 과제의 확인 항목이 재는 값이 아닙니다 (아는 것: {known})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="503"/>
        <source>should be a table with check = &quot;&lt;probe&gt;&quot;</source>
        <translation>check = &quot;&lt;probe&gt;&quot;가 있는 표(table)여야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="504"/>
        <source>unknown check {name} (known: {known})</source>
        <translation>알 수 없는 확인 항목 {name} (아는 것: {known})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="505"/>
        <source>unknown value {key} (known: {known}, each also with {at_least} or {at_most} when it is a number)</source>
        <translation>알 수 없는 값 {key} (아는 것: {known}. 수인 값은 각각 {at_least}나 {at_most}를 붙여 쓸 수도 있습니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="508"/>
        <source>says nothing to check (e.g. a_at_least = 0.5)</source>
        <translation>확인할 것이 없습니다 (예: a_at_least = 0.5)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="510"/>
        <source>{value} is not a number: compare it with {value} = …</source>
        <translation>{value}은(는) 수가 아닙니다: {value} = …로 비교하세요</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="512"/>
        <source>should be true or false, not {found}</source>
        <translation>참이나 거짓(true/false)이어야 하는데 {found}입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="513"/>
        <source>{value} is not one of {choices}</source>
        <translation>{value}은(는) 다음 중 하나가 아닙니다: {choices}</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="514"/>
        <source>should be one of the choices of {widget}, not {found}</source>
        <translation>{widget}의 선택지 중 하나여야 하는데 {found}입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="516"/>
        <source>{value} is not a choice of {widget} ({choices})</source>
        <translation>{value}은(는) {widget}의 선택지가 아닙니다 ({choices})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="518"/>
        <source>should be a table with do = &quot;&lt;action&gt;&quot;</source>
        <translation>do = &quot;&lt;action&gt;&quot;이 있는 표(table)여야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="519"/>
        <source>unknown action {name} (known: {known})</source>
        <translation>알 수 없는 동작 {name} (아는 것: {known})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="520"/>
        <source>{key} is missing (layer {layer})</source>
        <translation>{key}이(가) 없습니다 (층 {layer})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="521"/>
        <source>needs the widget it sets</source>
        <translation>값을 바꿀 위젯이 필요합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="522"/>
        <source>needs exactly one of {keys}</source>
        <translation>{keys} 가운데 정확히 하나가 필요합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="523"/>
        <source>{name} is not a bundled model ({known})</source>
        <translation>{name}은(는) annviz에 들어 있는 모델이 아닙니다 ({known})</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="524"/>
        <source>{name} is not one of {known}</source>
        <translation>{name}은(는) 다음 중 하나가 아닙니다: {known}</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="525"/>
        <source>a point is [x, y], fractions of the pad from its top left</source>
        <translation>점은 [x, y]이고, 그리기 판의 왼쪽 위에서부터 잰 비율입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="527"/>
        <source>a stroke needs at least one point</source>
        <translation>획에는 점이 적어도 하나 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="528"/>
        <source>draw needs at least one stroke</source>
        <translation>draw에는 획이 적어도 하나 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="529"/>
        <source>a prediction needs a task in its step (what happened is measured when the task is done)</source>
        <translation>예측에는 그 단계의 과제가 있어야 합니다(무슨 일이 일어났는지는 과제를 마칠 때 잽니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="532"/>
        <source>{name} is not a value a prediction can read (a check&apos;s probe and value, e.g. neuron.b; not widget)</source>
        <translation>{name}은(는) 예측이 읽을 수 있는 값이 아닙니다(확인의 탐침과 값, 예: neuron.b; widget은 안 됨)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="535"/>
        <source>a prediction has either number = {{ min, max }} or choices = [ … ], one of the two</source>
        <translation>예측에는 number = {{ min, max }}와 choices = [ … ] 가운데 하나만 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="537"/>
        <source>min {lo} should be less than max {hi}</source>
        <translation>min {lo}은(는) max {hi}보다 작아야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="538"/>
        <source>a unit is plain text without &lt;, &gt;, &amp; or line breaks</source>
        <translation>단위는 &lt;, &gt;, &amp;, 줄바꿈이 없는 일반 텍스트여야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="539"/>
        <source>a prediction needs at least 2 choices</source>
        <translation>예측에는 선택지가 2개 이상 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="540"/>
        <source>a number prediction needs a result that is a number, and {name} is not</source>
        <translation>수 예측의 결과는 수여야 하는데 {name}은(는) 수가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="542"/>
        <source>a choice has at most one of is, at_least and at_most</source>
        <translation>선택지에는 is, at_least, at_most 가운데 하나만 쓸 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="544"/>
        <source>is not the name of a lesson (letters, digits, - and _; never a folder or a path)</source>
        <translation>수업 이름이 아닙니다 (글자, 숫자, -, _만 쓰며, 폴더나 경로는 쓸 수 없습니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/messages.py" line="547"/>
        <source>no lesson has this name (the bundled lessons: {names})</source>
        <translation>이런 이름의 수업이 없습니다 (annviz에 들어 있는 수업: {names})</translation>
    </message>
</context>
<context>
    <name>ForeignModelDialog</name>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="87"/>
        <source>A PyTorch network</source>
        <translation>PyTorch 신경망</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="90"/>
        <source>{file} holds a PyTorch convolutional network without annviz&apos;s description: {layout}. The file cannot say what comes between and after its layers, so please tell annviz.</source>
        <translation>{file}에는 annviz의 설명이 없는 PyTorch 합성곱 신경망이 있습니다: {layout}. 파일만으로는 층 사이와 뒤에 무엇이 오는지 알 수 없으니 annviz에 알려 주세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="95"/>
        <source>{file} holds a PyTorch network without annviz&apos;s description: {sizes} neurons in the layers {layers}. The file cannot say what comes between and after its layers, so please tell annviz.</source>
        <translation>{file}에는 annviz의 설명이 없는 PyTorch 신경망이 들어 있습니다: 층 {layers}, 뉴런 수 {sizes}. 층 사이와 마지막 층 뒤에 무엇이 오는지는 파일에 없으니 annviz에 알려 주세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="100"/>
        <source>Padding and max-pools:</source>
        <translation>패딩과 최대 풀링:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="102"/>
        <source>The file does not record each convolution&apos;s padding or whether a max-pool follows it; these arrangements give the size its first linear layer takes.</source>
        <translation>파일에는 합성곱마다의 패딩과 그 뒤에 최대 풀링이 오는지가 기록되어 있지 않습니다. 아래 배치들은 첫 선형 층이 받는 크기를 만들어 냅니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="110"/>
        <source>Activation of the hidden layers:</source>
        <translation>은닉층의 활성화 함수:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="112"/>
        <source>The last layer outputs logits: apply softmax</source>
        <translation>마지막 층의 출력은 로짓입니다: 소프트맥스를 적용</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="118"/>
        <source>pad {n}</source>
        <translation>패딩 {n}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="118"/>
        <source>, max-pool</source>
        <translation>, 최대 풀링</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="124"/>
        <source>As for nn.CrossEntropyLoss; also right for a network that ends in softmax.</source>
        <translation>nn.CrossEntropyLoss로 학습한 경우입니다. 소프트맥스로 끝나는 신경망에도 맞습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="125"/>
        <source>The last layer&apos;s outputs are shown as they are.</source>
        <translation>마지막 층의 출력을 그대로 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>LayerMatrices</name>
    <message>
        <location filename="../../annviz/gui/explorer/layers.py" line="101"/>
        <location filename="../../annviz/gui/explorer/layers.py" line="106"/>
        <source>neuron</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/layers.py" line="102"/>
        <source>input from neuron</source>
        <translation>보내는 뉴런</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/layers.py" line="98"/>
        <source>weights W{l} ({rows}×{cols})&lt;br&gt;{src} → {dst}</source>
        <extracomment>The least height of a row of plots, in pixels: the first biases alone, then a matrix and its biases.</extracomment>
        <translation>가중치 W{l} ({rows}×{cols})&lt;br&gt;{src} → {dst}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/layers.py" line="104"/>
        <source>biases b{l}&lt;br&gt;{layer}</source>
        <translation>편향 b{l}&lt;br&gt;{layer}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/layers.py" line="107"/>
        <source>bias b</source>
        <translation>편향 b</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/layers.py" line="108"/>
        <source>blue: negative</source>
        <translation>파랑: 음수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/layers.py" line="108"/>
        <source>orange: positive</source>
        <translation>주황: 양수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/layers.py" line="109"/>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/layers.py" line="283"/>
        <source>{neuron}: bias b = {b}</source>
        <translation>{neuron}: 편향 b = {b}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/layers.py" line="288"/>
        <source>weight from {source} to {target}: {w}</source>
        <translation>{source}에서 {target}(으)로 가는 가중치: {w}</translation>
    </message>
</context>
<context>
    <name>Lazy</name>
    <message>
        <location filename="../../annviz/gui/common/lazy.py" line="71"/>
        <source>This page could not be built. The details are in the log (annviz.log).</source>
        <translation>이 페이지를 만들지 못했습니다. 자세한 내용은 로그(annviz.log)에 있습니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annviz/gui/main_window.py" line="92"/>
        <source>Explorer</source>
        <extracomment>Whether the pages can show a convolutional network; until they can, one is refused.</extracomment>
        <translation>탐색기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/main_window.py" line="254"/>
        <source>Replace {name}?</source>
        <translation>{name}을(를) 바꿀까요?</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/main_window.py" line="255"/>
        <source>The script {script} loads its weights from {weights}, beside it — and {weights} already exists. Replace it with this model? (Its old contents are lost: a program that loads it may no longer work. Cancel and choose another name for the script to keep it.)</source>
        <translation>스크립트 {script}는 옆에 있는 {weights}에서 가중치를 불러옵니다. 그런데 {weights}가 이미 있습니다. 이 모델로 바꿀까요? (원래 내용은 사라지고, 그 파일을 불러오던 프로그램이 더는 작동하지 않을 수 있습니다. 남겨 두려면 취소하고 스크립트 이름을 다르게 정하세요.)</translation>
    </message>
</context>
<context>
    <name>ModelFiles</name>
    <message>
        <location filename="../../annviz/gui/common/model_files.py" line="16"/>
        <source>annviz models (*.safetensors)</source>
        <translation>annviz 모델 (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="73"/>
        <source>The model was not opened</source>
        <extracomment>What a PyTorch file cannot say: (hidden activation, outputs are logits, the arrangement of a convolutional network&apos;s padding and pooling counted from 1 — None where only one fits).</extracomment>
        <translation>모델을 열지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="74"/>
        <source>The current model stays loaded.</source>
        <translation>지금 모델을 그대로 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="100"/>
        <source>The last model was not opened</source>
        <translation>지난번 모델을 열지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="101"/>
        <source>{path} could not be opened, so the bundled model {name} is loaded instead.</source>
        <translation>{path}을(를) 열 수 없어서 함께 제공되는 모델 {name}을(를) 대신 불러왔습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="121"/>
        <source>{path}: the network takes {n} inputs, but the explorer gives it 28×28 = 784</source>
        <translation>{path}: 이 신경망의 입력은 {n}개이지만 탐색기는 28×28 = 784개를 입력합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="140"/>
        <source>{name} is a convolutional network: the Convolution page shows it. The other pages show multilayer perceptrons and keep {model}.</source>
        <translation>{name}은(는) 합성곱 신경망입니다: 합성곱 페이지에서 보여 줍니다. 다른 페이지는 다층 퍼셉트론을 보여 주며 {model}을(를) 그대로 씁니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="162"/>
        <source>The model was not saved</source>
        <translation>모델을 저장하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="182"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="182"/>
        <source>Could not write {path}: {error}</source>
        <translation>{path}에 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="188"/>
        <source>Open model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="194"/>
        <source>Save model as</source>
        <translation>다른 이름으로 모델 저장</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="216"/>
        <source>Export as a PyTorch script</source>
        <translation>PyTorch 스크립트로 내보내기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="217"/>
        <source>Python script (*.py)</source>
        <translation>Python 스크립트 (*.py)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="223"/>
        <source>PyTorch script written</source>
        <translation>PyTorch 스크립트를 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_models.py" line="224"/>
        <source>{script} defines the network in PyTorch and loads its weights from {weights}, written beside it.

Run: python {name} --help</source>
        <translation>{script}는 신경망을 PyTorch로 정의하고, 같은 폴더에 함께 저장한 {weights}에서 가중치를 읽습니다.

실행: python {name} --help</translation>
    </message>
</context>
<context>
    <name>ModelLine</name>
    <message>
        <location filename="../../annviz/gui/model_line.py" line="27"/>
        <source>no model loaded</source>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/model_line.py" line="29"/>
        <source>untitled</source>
        <translation>이름 없음</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/model_line.py" line="30"/>
        <source>{name}: {arch} · {n:,} parameters</source>
        <translation>{name}: {arch} · 매개변수 {n:,}개</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/model_line.py" line="33"/>
        <source> · test accuracy {acc:.1%}</source>
        <translation> · 테스트 정확도 {acc:.1%}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/model_line.py" line="35"/>
        <source>edited: {what}</source>
        <translation>수정됨: {what}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/model_line.py" line="37"/>
        <source>the other pages show the multilayer perceptron {name}</source>
        <translation>다른 페이지는 다층 퍼셉트론 {name}을(를) 보여 줍니다</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <location filename="../../annviz/gui/explorer/diagram.py" line="209"/>
        <source>Colour by contribution</source>
        <translation>기여도로 색칠</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/diagram.py" line="212"/>
        <source>Colour pixels, neurons and edges by how much they added to the score of the explained class (orange: up, blue: down) instead of by activation</source>
        <translation>픽셀·뉴런·선을 활성화 대신, 설명하는 클래스의 점수에 얼마나 보탰는지로 색칠합니다 (주황: 올림, 파랑: 내림)</translation>
    </message>
</context>
<context>
    <name>NeuronInspector</name>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="106"/>
        <source>weighted input z</source>
        <translation>가중 입력 z</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="106"/>
        <source>activation a</source>
        <translation>활성화 a</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="107"/>
        <source>blue: −</source>
        <translation>파랑: −</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="107"/>
        <source>orange: +</source>
        <translation>주황: +</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="110"/>
        <source>from neuron</source>
        <translation>보내는 뉴런</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="150"/>
        <source>Neuron inspector</source>
        <translation>뉴런 살펴보기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="151"/>
        <source>Click a neuron in the diagram or a tile among the weights to see how it computes its activation.</source>
        <translation>신경망 그림의 뉴런이나 가중치 타일을 클릭하면 그 뉴런이 활성화를 어떻게 계산하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="166"/>
        <source>An input neuron holds the brightness of one pixel: a = {a} (0 = black, 1 = white).</source>
        <translation>입력 뉴런은 픽셀 하나의 밝기를 담습니다: a = {a} (0 = 검정, 1 = 흰색).</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="189"/>
        <source>bias b = {b}</source>
        <translation>편향 b = {b}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="191"/>
        <source>Draw a digit to see its weighted input z and activation a.</source>
        <translation>숫자를 그리면 가중 입력 z와 활성화 a를 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="197"/>
        <source>a = e&lt;sup&gt;z&lt;/sup&gt; / Σ e&lt;sup&gt;z&lt;/sup&gt; over the layer = &lt;b&gt;{a}&lt;/b&gt;</source>
        <translation>a = e&lt;sup&gt;z&lt;/sup&gt; / (층 전체의 Σ e&lt;sup&gt;z&lt;/sup&gt;) = &lt;b&gt;{a}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="184"/>
        <source>This layer computes a{l} = {f}(W{l} a{p} + b{l}); this neuron is its row for “{name}”.</source>
        <translation>이 층은 a{l} = {f}(W{l} a{p} + b{l})를 계산합니다. 이 뉴런은 그중 “{name}”의 행입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="109"/>
        <source>weight w</source>
        <translation>가중치 w</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="186"/>
        <source>This layer computes a{l} = {f}(W{l} a{p} + b{l}); this neuron is row {i} of it.</source>
        <translation>이 층은 a{l} = {f}(W{l} a{p} + b{l})를 계산합니다. 이 뉴런은 그 {i}번째 행입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="199"/>
        <source>Curve: a as z alone changes, the other outputs held: σ(z − {c}), {c} = log Σ&lt;sub&gt;j≠k&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt;.</source>
        <translation>곡선: 다른 출력은 그대로 두고 z만 바꿀 때의 a: σ(z − {c}), {c} = log Σ&lt;sub&gt;j≠k&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt;.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="204"/>
        <source>a = {f}(z) = &lt;b&gt;{a}&lt;/b&gt;</source>
        <translation>a = {f}(z) = &lt;b&gt;{a}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="219"/>
        <source>{n} more terms ({sum})</source>
        <translation>나머지 {n}개 항 ({sum})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="219"/>
        <source>1 more term ({sum})</source>
        <translation>나머지 1개 항 ({sum})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="222"/>
        <source>z = Σ w&lt;sub&gt;i&lt;/sub&gt;a&lt;sub&gt;i&lt;/sub&gt; + b = {terms} = &lt;b&gt;{z}&lt;/b&gt;</source>
        <translation>z = Σ w&lt;sub&gt;i&lt;/sub&gt;a&lt;sub&gt;i&lt;/sub&gt; + b = {terms} = &lt;b&gt;{z}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="231"/>
        <source>Output neuron for “{name}”: probability {p:.1%}.</source>
        <translation>“{name}”의 출력 뉴런: 확률 {p:.1%}.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="235"/>
        <source>Share of the evidence for the answer “{name}” flowing through this neuron: &lt;b&gt;{share}&lt;/b&gt; (rank {rank} of {n} in its layer).</source>
        <translation>답 “{name}”의 근거 중 이 뉴런을 거쳐 가는 몫: &lt;b&gt;{share}&lt;/b&gt; (이 층 {n}개 중 {rank}위).</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="249"/>
        <source>Its 784 incoming weights as a 28×28 picture</source>
        <translation>들어오는 가중치 784개를 28×28 그림으로</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="253"/>
        <source>Its one incoming weight</source>
        <translation>들어오는 가중치 1개</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/inspector.py" line="254"/>
        <source>Its {n} incoming weights</source>
        <translation>들어오는 가중치 {n}개</translation>
    </message>
</context>
<context>
    <name>NeuronTouch</name>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="48"/>
        <source>switched off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="50"/>
        <source>bias {shift}</source>
        <translation>편향 {shift}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="52"/>
        <source>incoming weights ×{s}</source>
        <translation>입력 가중치 ×{s}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="53"/>
        <source>neuron {i} of hidden layer {l} {what}</source>
        <translation>은닉층 {l}의 뉴런 {i}: {what}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="261"/>
        <source>Switch the neuron off, shift its bias or scale its incoming weights, and watch the prediction and the test accuracy change.</source>
        <translation>뉴런을 끄거나, 편향을 옮기거나, 들어오는 가중치의 크기를 바꾸고 예측과 테스트 정확도가 어떻게 바뀌는지 보세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="264"/>
        <source>Edited (not saved): {what}</source>
        <translation>수정됨 (저장 안 됨): {what}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="267"/>
        <source>Prediction for the pad: {before} → {after}</source>
        <translation>그림판의 예측: {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="270"/>
        <source>Test accuracy cannot be measured: {reason}</source>
        <translation>테스트 정확도를 잴 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="272"/>
        <source>Test accuracy: {before} → {after}</source>
        <translation>테스트 정확도: {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="281"/>
        <source>measuring…</source>
        <translation>재는 중…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="284"/>
        <source>Touch this neuron</source>
        <translation>이 뉴런 건드려 보기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="285"/>
        <source>Switch off</source>
        <translation>끄기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="286"/>
        <source>Zero its outgoing weights, W⁽ˡ⁺¹⁾[:, i] = 0: the next layer no longer hears this neuron</source>
        <translation>나가는 가중치를 0으로: W⁽ˡ⁺¹⁾[:, i] = 0. 다음 층은 이 뉴런의 신호를 더 이상 받지 못합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="288"/>
        <source>Shift bias Δb</source>
        <translation>편향 옮기기 Δb</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="289"/>
        <source>Add Δb to its bias: b ← b + Δb, so z = Σ wᵢaᵢ + b + Δb</source>
        <translation>편향에 Δb를 더합니다: b ← b + Δb, 따라서 z = Σ wᵢaᵢ + b + Δb</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="290"/>
        <source>Scale incoming weights s</source>
        <translation>입력 가중치 배율 s</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="291"/>
        <source>Multiply its incoming weights: wᵢ ← s·wᵢ, so z = s·Σ wᵢaᵢ + b</source>
        <translation>들어오는 가중치에 s를 곱합니다: wᵢ ← s·wᵢ, 따라서 z = s·Σ wᵢaᵢ + b</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="292"/>
        <source>Restore</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/touch.py" line="293"/>
        <source>Put back the network as it was before the first edit</source>
        <translation>처음 수정하기 전의 신경망으로 되돌립니다</translation>
    </message>
</context>
<context>
    <name>PadPanel</name>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="102"/>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="103"/>
        <source>Undo the last stroke (Ctrl+Z)</source>
        <translation>마지막 획 되돌리기 (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="104"/>
        <source>Clear</source>
        <translation>모두 지우기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="105"/>
        <source>Clear the pad (Delete or Esc; Ctrl+Z brings it back)</source>
        <translation>패드 지우기 (Delete 또는 Esc, Ctrl+Z로 되돌릴 수 있음)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="106"/>
        <source>Eraser</source>
        <translation>지우개</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="107"/>
        <source>Erase instead of drawing (E); the right button always erases</source>
        <translation>그리는 대신 지웁니다 (E). 오른쪽 버튼은 언제나 지웁니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="108"/>
        <source>Random test digit</source>
        <translation>무작위 테스트 숫자</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="109"/>
        <source>Brush</source>
        <translation>붓</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="110"/>
        <source>Brush width</source>
        <translation>붓 굵기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="136"/>
        <source>Drawn very small: it is blown up to MNIST&apos;s 20×20 box and the strokes become fat blobs. Draw bigger.</source>
        <translation>너무 작게 그렸습니다: MNIST의 20×20 상자에 맞춰 크게 늘리면 획이 뭉툭한 덩어리가 됩니다. 더 크게 그려 보세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="138"/>
        <source>Much wider than tall: no MNIST digit looks like this (even a 1 stands upright), so whatever the network answers means little. Draw a digit.</source>
        <translation>높이보다 폭이 훨씬 넓습니다: MNIST에는 이런 숫자가 없으므로(1도 곧게 서 있습니다) 신경망의 답은 별 뜻이 없습니다. 숫자를 그려 보세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="140"/>
        <source>So dense that, shrunk to MNIST&apos;s 20×20 box, it becomes a blob: draw a digit with separate, thinner strokes.</source>
        <translation>너무 빽빽해서 MNIST의 20×20 상자로 줄이면 덩어리가 됩니다: 획이 서로 떨어진 가는 숫자를 그려 보세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="142"/>
        <source>Strokes too thin: shrunk to MNIST&apos;s 20×20 box they almost vanish. Draw bigger strokes (a wider brush).</source>
        <translation>획이 너무 가늡니다: MNIST의 20×20 상자로 줄이면 거의 사라집니다. 더 굵은 붓으로 그려 보세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/pad_panel.py" line="135"/>
        <source>Draw a digit with the mouse or a pen. Right button erases.</source>
        <translation>마우스나 펜으로 숫자를 그려 보세요. 오른쪽 버튼은 지웁니다.</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <location filename="../../annviz/gui/explorer/probabilities.py" line="72"/>
        <source>Output layer: the network&apos;s answer</source>
        <translation>출력층: 신경망의 답</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/probabilities.py" line="74"/>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/probabilities.py" line="75"/>
        <source>probability (green: the answer)</source>
        <translation>확률 (초록: 답)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/probabilities.py" line="107"/>
        <location filename="../../annviz/gui/explorer/probabilities.py" line="145"/>
        <source>nothing drawn yet</source>
        <translation>아직 아무것도 그리지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/probabilities.py" line="107"/>
        <location filename="../../annviz/gui/explorer/probabilities.py" line="145"/>
        <source>no model loaded</source>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/probabilities.py" line="127"/>
        <source>Prediction: {name} ({share:.0%})</source>
        <translation>예측: {name} ({share:.0%})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/probabilities.py" line="131"/>
        <location filename="../../annviz/gui/explorer/probabilities.py" line="146"/>
        <source>not sure — {p1:.0%} {n1}, {p2:.0%} {n2}</source>
        <translation>잘 모르겠음 — {p1:.0%} {n1}, {p2:.0%} {n2}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/probabilities.py" line="133"/>
        <source>Below {t:.0%} confidence the answer is “not sure”; the threshold is set on the Insight page.</source>
        <translation>신뢰도가 {t:.0%} 미만이면 답은 “잘 모르겠음”입니다. 이 임계값은 분석 페이지에서 정합니다.</translation>
    </message>
</context>
<context>
    <name>SeenView</name>
    <message>
        <location filename="../../annviz/gui/explorer/seen.py" line="48"/>
        <source>What the network sees (28×28)</source>
        <translation>신경망이 보는 것 (28×28)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/seen.py" line="62"/>
        <source>pixel (row {row}, column {col}): {value}</source>
        <translation>픽셀 ({row}행, {col}열): {value}</translation>
    </message>
</context>
<context>
    <name>SetupArea</name>
    <message>
        <location filename="../../annviz/gui/setup.py" line="190"/>
        <source>Save the setup</source>
        <translation>설정 저장</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/setup.py" line="198"/>
        <location filename="../../annviz/gui/setup.py" line="202"/>
        <source>The setup was not saved</source>
        <translation>설정을 저장하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/setup.py" line="198"/>
        <location filename="../../annviz/gui/setup.py" line="202"/>
        <source>The setup could not be written.</source>
        <translation>설정 파일을 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/setup.py" line="211"/>
        <source>Open a setup</source>
        <translation>설정 열기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/setup.py" line="219"/>
        <location filename="../../annviz/gui/setup.py" line="298"/>
        <source>The setup was not opened</source>
        <translation>설정을 열지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/setup.py" line="220"/>
        <source>{file} cannot be used as a setup: it is damaged, or made by another program or a newer annviz. Nothing was changed.</source>
        <translation>{file} 파일은 설정으로 쓸 수 없습니다. 파일이 손상되었거나, 다른 프로그램 또는 더 새로운 annviz가 만든 것입니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/setup.py" line="298"/>
        <source>Nothing was changed.</source>
        <translation>아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/setup.py" line="228"/>
        <source>annviz setups (*{ext})</source>
        <translation>annviz 설정 (*{ext})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/setup.py" line="370"/>
        <source>The setup trains on the folder {folder} of the computer it was made on: choose that dataset&apos;s folder here (Cancel: MNIST)</source>
        <translation>이 설정은 만든 컴퓨터의 폴더 {folder}에 있는 데이터로 학습합니다: 이 컴퓨터에서 그 데이터셋 폴더를 고르세요 (취소: MNIST)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/setup.py" line="393"/>
        <source>Open set&amp;up…</source>
        <translation>설정 열기(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/setup.py" line="394"/>
        <source>Save se&amp;tup…</source>
        <translation>설정 저장(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>TestDigitPicker</name>
    <message>
        <location filename="../../annviz/gui/explorer/test_digits.py" line="61"/>
        <source>Random test digit</source>
        <translation>무작위 테스트 숫자</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/test_digits.py" line="62"/>
        <source>Load a real handwritten digit from the MNIST test set</source>
        <translation>MNIST 테스트 세트의 실제 손글씨 숫자를 불러옵니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/test_digits.py" line="63"/>
        <source>Previous test digit</source>
        <translation>이전 테스트 숫자</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/test_digits.py" line="64"/>
        <source>Next test digit</source>
        <translation>다음 테스트 숫자</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/test_digits.py" line="60"/>
        <location filename="../../annviz/gui/explorer/test_digits.py" line="118"/>
        <source>true label: {name}</source>
        <translation>정답: {name}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/test_digits.py" line="119"/>
        <source>test image #{i} · true label: {name}</source>
        <translation>테스트 이미지 #{i} · 정답: {name}</translation>
    </message>
</context>
<context>
    <name>WeightGrid</name>
    <message>
        <location filename="../../annviz/gui/explorer/heatmaps.py" line="74"/>
        <source>weight w</source>
        <translation>가중치 w</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/heatmaps.py" line="79"/>
        <source>What each output neuron looks for: its 784 weights as a picture</source>
        <translation>각 출력 뉴런이 찾는 모양: 가중치 784개를 그린 그림</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/heatmaps.py" line="81"/>
        <source>What each first-hidden-layer neuron looks for: its 784 weights as a picture</source>
        <translation>첫 번째 은닉층의 각 뉴런이 찾는 모양: 가중치 784개를 그린 그림</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/heatmaps.py" line="83"/>
        <source>blue: negative weight</source>
        <translation>파랑: 음수 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/heatmaps.py" line="83"/>
        <source>orange: positive weight</source>
        <translation>주황: 양수 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/heatmaps.py" line="84"/>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/heatmaps.py" line="85"/>
        <source>Scroll to zoom, drag to move; click a tile to see it large in the neuron inspector.</source>
        <translation>스크롤하면 확대·축소, 끌면 이동합니다. 타일을 클릭하면 뉴런 살펴보기에서 크게 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/heatmaps.py" line="168"/>
        <source>{neuron}, bias {b}; click to inspect</source>
        <translation>{neuron}, 편향 {b}. 클릭하면 살펴봅니다</translation>
    </message>
</context>
<context>
    <name>WeightsPanel</name>
    <message>
        <location filename="../../annviz/gui/explorer/weights_panel.py" line="39"/>
        <source>First hidden layer</source>
        <translation>첫 번째 은닉층</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/weights_panel.py" line="39"/>
        <source>Output layer</source>
        <translation>출력층</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/weights_panel.py" line="41"/>
        <source>Deeper layers and biases</source>
        <translation>더 깊은 층과 편향</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/weights_panel.py" line="41"/>
        <source>Biases</source>
        <translation>편향</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/explorer/weights_panel.py" line="46"/>
        <source>{products} weights + {biases} biases = &lt;b&gt;{total}&lt;/b&gt; numbers to learn</source>
        <translation>가중치 {products} + 편향 {biases} = 학습할 숫자 &lt;b&gt;{total}&lt;/b&gt;개</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../annviz/gui/welcome.py" line="46"/>
        <source>Welcome</source>
        <translation>환영합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/welcome.py" line="47"/>
        <source>Welcome to annviz</source>
        <translation>annviz에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/welcome.py" line="49"/>
        <source>&lt;p&gt;Look inside a neural network while it reads your handwriting and while it learns.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Follow the lessons&lt;/b&gt;: &lt;i&gt;Help → Lessons&lt;/i&gt; leads you step by step, from one neuron to a network that learns by itself.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Or draw a digit&lt;/b&gt; on the black pad of the &lt;i&gt;Explorer&lt;/i&gt; page and watch every layer of the network light up as it reads it.&lt;/p&gt;&lt;p&gt;In a classroom: &lt;i&gt;View → Zoom&lt;/i&gt; (Ctrl+= and Ctrl+−) makes everything larger, and F11 shows only what the lesson needs.&lt;/p&gt;&lt;p&gt;This note comes back with &lt;i&gt;Help → Welcome&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;신경망이 여러분의 손글씨를 읽고 학습하는 동안 그 속을 들여다보세요.&lt;/p&gt;&lt;p&gt;&lt;b&gt;수업을 따라가 보세요&lt;/b&gt;: &lt;i&gt;도움말 → 수업&lt;/i&gt;이 뉴런 하나에서 스스로 학습하는 신경망까지 한 단계씩 안내합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;아니면 숫자를 그려 보세요&lt;/b&gt;: &lt;i&gt;탐색기&lt;/i&gt; 페이지의 검은 패드에 숫자를 그리면, 신경망이 그 숫자를 읽는 동안 층마다 뉴런이 밝아지는 것을 볼 수 있습니다.&lt;/p&gt;&lt;p&gt;교실에서는: &lt;i&gt;보기 → 확대/축소&lt;/i&gt;(Ctrl+= 와 Ctrl+−)로 모든 것을 크게 하고, F11로 수업에 필요한 것만 보여 줄 수 있습니다.&lt;/p&gt;&lt;p&gt;이 안내는 &lt;i&gt;도움말 → 환영 인사&lt;/i&gt;에서 다시 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/welcome.py" line="57"/>
        <source>Start drawing</source>
        <translation>그리기 시작</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/welcome.py" line="58"/>
        <source>Open the lessons</source>
        <translation>수업 열기</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="141"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="142"/>
        <source>&amp;Open model…</source>
        <translation>모델 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="143"/>
        <source>&amp;Save model</source>
        <translation>모델 저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="144"/>
        <source>Save model &amp;as…</source>
        <translation>다른 이름으로 모델 저장(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="145"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="146"/>
        <source>The current view as &amp;PNG…</source>
        <translation>현재 화면을 PNG로(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="147"/>
        <source>PyTorch &amp;script…</source>
        <translation>PyTorch 스크립트(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="148"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="153"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="154"/>
        <source>&amp;Panels</source>
        <translation>패널(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="155"/>
        <source>Bundled &amp;models</source>
        <translation>내장 모델(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="157"/>
        <source>Classic: 784-16-16-10, sigmoid (the lecture notes&apos; network)</source>
        <translation>기본: 784-16-16-10, 시그모이드 (강의 노트의 신경망)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="158"/>
        <source>Best: a wider ReLU network</source>
        <translation>최고: 더 넓은 렐루(ReLU) 신경망</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="159"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="160"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="161"/>
        <source>&amp;Concepts on this screen</source>
        <translation>이 화면의 개념(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="162"/>
        <source>&amp;About annviz</source>
        <translation>annviz 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="179"/>
        <source>Export the current view</source>
        <translation>현재 화면 내보내기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="182"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="183"/>
        <source>Could not write {path}</source>
        <translation>{path}에 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="186"/>
        <source>About annviz</source>
        <translation>annviz 정보</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="187"/>
        <source>&lt;h3&gt;annviz&lt;/h3&gt;&lt;p&gt;Look inside an artificial neural network while it works and while it learns. The network is written from scratch with NumPy.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;annviz&lt;/h3&gt;&lt;p&gt;인공신경망이 작동하고 학습하는 동안 그 속을 들여다봅니다. 신경망은 NumPy만으로 처음부터 작성했습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/window_menus.py" line="192"/>
        <source>Concepts on this screen</source>
        <translation>이 화면의 개념</translation>
    </message>
</context>
</TS>
