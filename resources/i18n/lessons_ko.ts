<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>LessonCatalog</name>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="105"/>
        <source>✓ finished</source>
        <translation>✓ 마침</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="107"/>
        <source>stopped at step {n} of {m}</source>
        <translation>{m}단계 중 {n}단계에서 멈춤</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="108"/>
        <source>{m} steps</source>
        <translation>{m}단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="118"/>
        <source>Continue</source>
        <translation>이어서 하기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="118"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="122"/>
        <source>This lesson file cannot be used:</source>
        <translation>이 수업 파일은 쓸 수 없습니다:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="129"/>
        <source>Concepts: {words}</source>
        <translation>개념: {words}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="131"/>
        <source>About {n} minutes</source>
        <translation>약 {n}분</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="133"/>
        <source>Achievement standard (인공지능 기초): {code}</source>
        <translation>성취기준(인공지능 기초): {code}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="135"/>
        <source>From your lessons folder: {path}</source>
        <translation>내 수업 폴더에서: {path}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="149"/>
        <source>Lessons</source>
        <translation>수업</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="152"/>
        <source>Follow the chosen lesson from where you stopped</source>
        <translation>고른 수업을 멈춘 곳부터 이어서 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="153"/>
        <source>Start over</source>
        <translation>처음부터</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="154"/>
        <source>Follow the chosen lesson from its first step</source>
        <translation>고른 수업을 첫 단계부터 다시 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="155"/>
        <source>Follow a lesson from a .toml file a teacher gave you</source>
        <translation>선생님이 준 .toml 파일의 수업을 엽니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="156"/>
        <source>Open a lesson file…</source>
        <translation>수업 파일 열기…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="157"/>
        <source>Your lessons folder…</source>
        <translation>내 수업 폴더…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="158"/>
        <source>Lessons put in this folder (.toml files) appear in the list</source>
        <translation>이 폴더에 넣은 수업(.toml 파일)이 목록에 나타납니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="159"/>
        <source>My lesson sheet…</source>
        <translation>나의 수업 기록지…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/catalog_view.py" line="160"/>
        <source>Your predictions in the chosen lesson and what happened, to print or save as PDF</source>
        <translation>고른 수업에서 한 예측과 실제 결과: 인쇄하거나 PDF로 저장합니다</translation>
    </message>
</context>
<context>
    <name>LessonDock</name>
    <message>
        <location filename="../../annviz/gui/lessons/area.py" line="73"/>
        <source>Lessons</source>
        <translation>수업</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="210"/>
        <source>Step {n} of {m}</source>
        <translation>{m}단계 중 {n}단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="217"/>
        <source>Finish ✓</source>
        <translation>마치기 ✓</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="217"/>
        <source>Next ▶</source>
        <translation>다음 단계 ▶</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="236"/>
        <source>First lock in your prediction above.</source>
        <translation>먼저 위에서 예측을 확정하세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="247"/>
        <source>{name} = {value}: it should be at least {bound}</source>
        <translation>{name} = {value}: {bound} 이상이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="250"/>
        <source>{name} = {value}: it should be at most {bound}</source>
        <translation>{name} = {value}: {bound} 이하여야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="252"/>
        <source>{name} = {value}: it should be {bound}</source>
        <translation>{name} = {value}: {bound}이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="266"/>
        <source>Hint ({k} of {n})</source>
        <translation>힌트 ({n}개 중 {k})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="273"/>
        <source>Leave this lesson and choose another (your place is kept)</source>
        <translation>이 수업을 나가 다른 수업을 고릅니다(지금 위치는 기억됩니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="274"/>
        <source>Show the next hint for this task</source>
        <translation>이 과제의 다음 힌트를 봅니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="275"/>
        <source>The step before this one</source>
        <translation>이전 단계로 갑니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="276"/>
        <source>The next step (it waits until the task is done, unless you skip)</source>
        <translation>다음 단계로 갑니다(건너뛰지 않으면 과제를 마칠 때까지 기다립니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="277"/>
        <source>☰ All lessons</source>
        <translation>☰ 수업 목록</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="278"/>
        <source>Your turn</source>
        <translation>해 보기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="279"/>
        <source>⟲ Reset this step</source>
        <translation>⟲ 이 단계 처음으로</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="280"/>
        <source>Set the app back to how this step began</source>
        <translation>앱을 이 단계가 시작될 때의 상태로 되돌립니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="281"/>
        <source>◀ Back</source>
        <translation>◀ 이전 단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="282"/>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="284"/>
        <source>My lesson sheet…</source>
        <translation>나의 수업 기록지…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="285"/>
        <source>Your predictions in this lesson and what happened, to print or save as PDF</source>
        <translation>이 수업에서 한 예측과 실제 결과: 인쇄하거나 PDF로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="286"/>
        <source>Go on without doing the task</source>
        <translation>과제를 하지 않고 넘어갑니다</translation>
    </message>
</context>
<context>
    <name>LessonPlayer</name>
    <message>
        <location filename="../../annviz/gui/lessons/player.py" line="138"/>
        <source>Well done: you finished “{title}”.</source>
        <translation>잘했습니다! “{title}” 수업을 마쳤습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/player.py" line="279"/>
        <source>This step could not set everything up ({what}).</source>
        <translation>이 단계의 준비를 모두 마치지 못했습니다({what}).</translation>
    </message>
</context>
<context>
    <name>LessonSheet</name>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="55"/>
        <source>not made</source>
        <translation>예측 안 함</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="56"/>
        <source>not seen yet</source>
        <translation>아직 안 봄</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="58"/>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="59"/>
        <source>Date:</source>
        <translation>날짜:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="60"/>
        <source>Made with annviz on this computer; nothing was sent anywhere.</source>
        <translation>이 컴퓨터에서 annviz로 만들었습니다. 어디에도 보내지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="61"/>
        <source>This lesson asks for no predictions.</source>
        <translation>이 수업에는 예측이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="82"/>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="83"/>
        <source>The question</source>
        <translation>질문</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="84"/>
        <source>My prediction</source>
        <translation>나의 예측</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="85"/>
        <source>What happened</source>
        <translation>실제 결과</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="86"/>
        <source>What it shows</source>
        <translation>알게 된 것</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="87"/>
        <source>Predictions made: {made} of {asked}</source>
        <translation>한 예측: {asked}개 중 {made}개</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="57"/>
        <location filename="../../annviz/gui/lessons/sheet.py" line="147"/>
        <source>My lesson sheet</source>
        <translation>나의 수업 기록지</translation>
    </message>
</context>
<context>
    <name>LessonsArea</name>
    <message>
        <location filename="../../annviz/gui/lessons/__init__.py" line="22"/>
        <source>&amp;Lessons</source>
        <translation>수업(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/__init__.py" line="23"/>
        <source>Open &amp;lesson…</source>
        <translation>수업 열기(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/__init__.py" line="26"/>
        <source>&amp;Teacher mode (answers shown, no locks)</source>
        <translation>교사 모드(정답 표시, 잠금 없음)(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/area.py" line="162"/>
        <source>Reading the lessons in your folder: {done} of {total}…</source>
        <translation>내 수업 폴더의 수업을 읽는 중: {total}개 중 {done}개…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/area.py" line="191"/>
        <source>Open a lesson</source>
        <translation>수업 열기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/area.py" line="192"/>
        <source>annviz lessons (*{suffix})</source>
        <translation>annviz 수업 (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/area.py" line="255"/>
        <location filename="../../annviz/gui/lessons/area.py" line="266"/>
        <source>The lesson was not opened</source>
        <translation>수업을 열지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/area.py" line="256"/>
        <source>The lesson you were following could not be opened, so the list of lessons is shown instead.</source>
        <translation>따라 하던 수업을 열지 못해 수업 목록을 대신 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>PredictionBox</name>
    <message>
        <location filename="../../annviz/gui/lessons/predict_box.py" line="181"/>
        <source>You predicted: {answer}</source>
        <translation>나의 예측: {answer}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/predict_box.py" line="183"/>
        <source>Now do the task and see what happens.</source>
        <translation>이제 과제를 하고 어떻게 되는지 보세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/predict_box.py" line="192"/>
        <source>What happened: {result}</source>
        <translation>실제 결과: {result}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/predict_box.py" line="206"/>
        <source>Predict first</source>
        <translation>먼저 예측하기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/predict_box.py" line="207"/>
        <source>Lock in my prediction</source>
        <translation>예측 확정</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/predict_box.py" line="208"/>
        <source>Your prediction is kept; then the step&apos;s task opens</source>
        <translation>예측이 저장되고, 그다음 이 단계의 과제가 열립니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/predict_box.py" line="209"/>
        <source>Your prediction: type a number (“?” until you do)</source>
        <translation>나의 예측: 수를 입력하세요(입력하기 전에는 “?”)</translation>
    </message>
</context>
<context>
    <name>ScreenWords</name>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="126"/>
        <source>(the answer)</source>
        <translation>(신경망의 답)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="135"/>
        <source>Turn on “{name}”</source>
        <translation>“{name}” 켜기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="136"/>
        <source>Turn off “{name}”</source>
        <translation>“{name}” 끄기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="138"/>
        <source>{name} = {value}</source>
        <translation>{name} = {value}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="141"/>
        <source>Press “{name}”</source>
        <translation>“{name}” 누르기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="143"/>
        <source>Open “{name}”</source>
        <translation>“{name}” 열기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="145"/>
        <source>Load the model {name}</source>
        <translation>모델 {name} 불러오기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="147"/>
        <source>Test image #{index} on the pad</source>
        <translation>테스트 이미지 #{index}를 그리기 판에 올리기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="149"/>
        <source>Clear the pad</source>
        <translation>그리기 판 지우기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="151"/>
        <source>“Add to my digits” with the label {label}</source>
        <translation>“내 숫자에 추가”에서 이름표 {label} 고르기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="153"/>
        <source>Draw on the pad as in the picture</source>
        <translation>그림처럼 그리기 판에 그리기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="156"/>
        <source>Click the output neuron {name}</source>
        <translation>출력 뉴런 {name} 클릭</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="157"/>
        <source>Click hidden layer {layer} · neuron {n}</source>
        <translation>은닉층 {layer} · 뉴런 {n} 클릭</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="159"/>
        <source>Choose the weight W⁽{l}⁾[{i}, {j}]</source>
        <translation>가중치 W⁽{l}⁾[{i}, {j}] 고르기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="161"/>
        <source>The nudge h = {h}</source>
        <translation>살짝 바꾸는 크기 h = {h}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="163"/>
        <source>Stage {n} of One step of learning</source>
        <translation>학습 한 단계의 {n}단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="165"/>
        <source>Click the cell true {t}, predicted {p}</source>
        <translation>정답 {t}, 예측 {p} 칸 클릭</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="167"/>
        <source>Mistake {n}</source>
        <translation>{n}번째 오답</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="169"/>
        <source>Start training</source>
        <translation>학습 시작</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="169"/>
        <source>Pause training</source>
        <translation>학습 일시 정지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="170"/>
        <source>Resume training</source>
        <translation>학습 계속</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="170"/>
        <source>Stop training</source>
        <translation>학습 정지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="171"/>
        <source>Discard the trained network</source>
        <translation>학습한 신경망 버리기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="174"/>
        <source>The timeline at the end of epoch {n}</source>
        <translation>타임라인을 에포크 {n}의 끝으로</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="175"/>
        <source>The timeline at the end of the first epoch with validation accuracy ≥ {x} %</source>
        <translation>타임라인을 검증 정확도가 처음 {x} % 이상이 된 에포크의 끝으로</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="179"/>
        <source>Click example {n} of {name} on The data</source>
        <translation>데이터 살펴보기에서 {name}의 {n}번째 예 클릭</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="180"/>
        <source>Click the average {name} on The data</source>
        <translation>데이터 살펴보기에서 평균 {name} 클릭</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="182"/>
        <source>Draw on the Convolution page&apos;s pad as in the picture</source>
        <translation>합성곱 페이지의 그림판에 그림처럼 그리기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="184"/>
        <source>Clear the Convolution page&apos;s pad</source>
        <translation>합성곱 페이지의 그림판 지우기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="186"/>
        <source>Put the bundled CNN back on the Convolution page</source>
        <translation>합성곱 페이지에 함께 제공되는 CNN 다시 놓기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="188"/>
        <source>On ②, point at pixel ({y}, {x}) of map {f} in row {band}</source>
        <translation>②에서 {band}번째 줄 {f}번 특징 맵의 픽셀 ({y}, {x})에 마우스 올리기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="191"/>
        <source>On ②, click map {f} of convolution {conv} to open its filter</source>
        <translation>②에서 {conv}번째 합성곱의 {f}번 특징 맵을 눌러 필터 열기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="194"/>
        <source>gradient for the digit {label}</source>
        <translation>숫자 {label}에 대한 기울기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="196"/>
        <source>tick the mask x == max</source>
        <translation>x == max 마스크 켜기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/screen_words.py" line="197"/>
        <source>the mask x == max not ticked</source>
        <translation>x == max 마스크는 끈 채로</translation>
    </message>
</context>
<context>
    <name>SheetDialog</name>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="174"/>
        <source>My lesson sheet</source>
        <translation>나의 수업 기록지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="175"/>
        <source>Save as PDF…</source>
        <translation>PDF로 저장…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="176"/>
        <source>Print…</source>
        <translation>인쇄…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="183"/>
        <source>Save my lesson sheet</source>
        <translation>나의 수업 기록지 저장</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="184"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 파일 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="194"/>
        <source>The sheet was not saved</source>
        <translation>기록지를 저장하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/sheet.py" line="195"/>
        <source>{path} could not be written: {why}</source>
        <translation>{path}에 쓸 수 없습니다: {why}</translation>
    </message>
</context>
<context>
    <name>TeacherBar</name>
    <message>
        <location filename="../../annviz/gui/lessons/teacher.py" line="148"/>
        <source>This step has no task.</source>
        <translation>이 단계에는 과제가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/teacher.py" line="151"/>
        <source>It passes when: {conditions}</source>
        <translation>통과 조건: {conditions}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/teacher.py" line="154"/>
        <source>The lesson&apos;s answer: {actions}</source>
        <translation>수업의 정답: {actions}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/teacher.py" line="158"/>
        <source>Teacher</source>
        <translation>교사</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/teacher.py" line="159"/>
        <source>Open any step of this lesson directly</source>
        <translation>이 수업의 어느 단계든 바로 엽니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/teacher.py" line="160"/>
        <source>Show the answer on screen</source>
        <translation>화면에서 정답 보여 주기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/teacher.py" line="161"/>
        <source>Do the lesson&apos;s own answer to this step, for the class to see</source>
        <translation>이 단계에 대한 수업의 정답을 실행해 반 전체에게 보여 줍니다</translation>
    </message>
</context>
</TS>
