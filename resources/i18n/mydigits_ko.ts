<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AddDigitDialog</name>
    <message>
        <location filename="../../annviz/gui/mydigits/add_dialog.py" line="49"/>
        <source>Add to my digits</source>
        <translation>내 숫자에 추가</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/add_dialog.py" line="51"/>
        <source>Which digit is it? Click it or press its key.</source>
        <translation>어떤 숫자인가요? 눌러서 고르거나 그 숫자 키를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/add_dialog.py" line="53"/>
        <source>The network reads a {digit}. Is that right? Enter adds it as a {digit}; otherwise click the right digit or press its key.</source>
        <translation>신경망은 {digit}(으)로 읽습니다. 맞나요? Enter를 누르면 {digit}(으)로 추가합니다. 아니면 올바른 숫자를 누르거나 그 숫자 키를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/add_dialog.py" line="56"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
</context>
<context>
    <name>DigitsView</name>
    <message>
        <location filename="../../annviz/gui/mydigits/digits_view.py" line="138"/>
        <source>&lt;b style=&apos;font-size:x-large&apos;&gt;{label}&lt;/b&gt;&lt;br&gt;{train} to teach&lt;br&gt;{held} held out</source>
        <translation>&lt;b style=&apos;font-size:x-large&apos;&gt;{label}&lt;/b&gt;&lt;br&gt;가르칠 것 {train}개&lt;br&gt;따로 둔 것 {held}개</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/digits_view.py" line="145"/>
        <source>held out: never trained on</source>
        <translation>따로 둠: 학습에 쓰지 않음</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/digits_view.py" line="145"/>
        <source>to teach from</source>
        <translation>가르치는 데 씀</translation>
    </message>
</context>
<context>
    <name>FolderTools</name>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="61"/>
        <source>Import a folder…</source>
        <translation>폴더 가져오기…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="62"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="63"/>
        <source>Delete all my digits…</source>
        <translation>내 숫자 모두 지우기…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="64"/>
        <source>Add the images of a folder with subfolders 0 … 9 to your digits</source>
        <translation>하위 폴더 0 … 9가 있는 폴더의 이미지를 내 숫자에 더합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="65"/>
        <source>Copy your digits to a folder, one subfolder per digit</source>
        <translation>내 숫자를 숫자마다 하위 폴더를 하나씩 두어 폴더에 복사합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="66"/>
        <source>Delete every digit you kept (asks first)</source>
        <translation>모아 둔 숫자를 모두 지웁니다 (먼저 묻습니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="74"/>
        <source>Import digits from a folder with folders 0 to 9</source>
        <translation>0부터 9까지의 폴더가 있는 폴더에서 숫자 가져오기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="84"/>
        <source>Stop importing</source>
        <translation>가져오기 멈추기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="85"/>
        <source>Importing from {folder}…</source>
        <translation>{folder}에서 가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="88"/>
        <source>Importing: {done} of {total} images looked at…</source>
        <translation>가져오는 중: 이미지 {total}개 중 {done}개 확인…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="93"/>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="101"/>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="113"/>
        <source>Nothing was imported</source>
        <translation>아무것도 가져오지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="107"/>
        <source>Imported 1 digit.</source>
        <translation>숫자 1개를 가져왔습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="108"/>
        <source>Imported {n} digits.</source>
        <translation>숫자 {n}개를 가져왔습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="119"/>
        <source>Export my digits into a folder</source>
        <translation>내 숫자를 폴더로 내보내기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="124"/>
        <source>The digits were not exported</source>
        <translation>숫자를 내보내지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="126"/>
        <source>Exported 1 digit to {folder}.</source>
        <translation>숫자 1개를 {folder}(으)로 내보냈습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="127"/>
        <source>Exported {n} digits to {folder}.</source>
        <translation>숫자 {n}개를 {folder}(으)로 내보냈습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="132"/>
        <source>Delete all my digits?</source>
        <translation>내 숫자를 모두 지울까요?</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/folder_tools.py" line="133"/>
        <source>Delete all {n} of your digits from {folder}? This cannot be undone.</source>
        <translation>{folder}에서 내 숫자 {n}개를 모두 지울까요? 되돌릴 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>MyDigitsPage</name>
    <message>
        <location filename="../../annviz/gui/mydigits/__init__.py" line="67"/>
        <source>My digits</source>
        <translation>내 숫자</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/__init__.py" line="71"/>
        <source>Add to my digits</source>
        <translation>내 숫자에 추가</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/__init__.py" line="72"/>
        <source>Keep this drawing with its label, to teach the network your handwriting (Ctrl+D)</source>
        <translation>이 그림을 레이블과 함께 보관해 신경망에 내 글씨를 가르칩니다 (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="166"/>
        <source>My digits cannot be kept in this folder:</source>
        <translation>이 폴더에는 내 숫자를 둘 수 없습니다:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="175"/>
        <source>Choose a folder for my digits</source>
        <translation>내 숫자를 둘 폴더 고르기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="185"/>
        <source>The digit was not added</source>
        <translation>숫자를 추가하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="189"/>
        <source>held out: never trained on</source>
        <translation>따로 둠: 학습에 쓰지 않음</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="189"/>
        <source>to teach from</source>
        <translation>가르치는 데 씀</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="190"/>
        <source>Added a {label} ({side}).</source>
        <translation>{label}을(를) 추가했습니다 ({side}).</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="214"/>
        <source>Add some digits first: there is nothing to teach from.</source>
        <translation>먼저 숫자를 추가하세요: 가르칠 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="218"/>
        <source>This model does not read the handwritten digits 0 to 9: open an MNIST model to teach it your digits.</source>
        <translation>이 모델은 손글씨 숫자 0~9를 읽지 않습니다: 내 숫자를 가르치려면 MNIST 모델을 여세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="232"/>
        <source>&lt;p&gt;&lt;b&gt;My digits&lt;/b&gt;: your own handwriting, each drawing kept with its label. Some are held out: the network never trains on them, so they measure how well it reads you.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Teach it&lt;/b&gt; fine-tunes the network on your digits mixed with MNIST examples (replay), a few epochs at a small &lt;b&gt;learning rate&lt;/b&gt;, while every step also holds its answers on MNIST digits to the answers it gave before (distillation). The gauges show &lt;b&gt;accuracy&lt;/b&gt; on your held-out digits and on the MNIST &lt;b&gt;test&lt;/b&gt; set: learning new things can make a network forget old ones, and here you see how much.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;내 숫자&lt;/b&gt;: 내가 쓴 손글씨를 레이블과 함께 모아 둡니다. 일부는 따로 떼어 둡니다: 신경망이 그것으로는 학습하지 않으므로, 내 글씨를 얼마나 잘 읽는지 재는 데 씁니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;가르치기&lt;/b&gt;는 내 숫자에 MNIST 예를 섞어(다시 보기) 작은 &lt;b&gt;학습률&lt;/b&gt;로 몇 에포크 동안 신경망을 미세 조정하고, 그동안 매 단계 MNIST 숫자에 대한 답을 가르치기 전의 답 가까이에 붙잡아 둡니다(증류). 게이지는 따로 떼어 둔 내 숫자와 MNIST &lt;b&gt;테스트&lt;/b&gt; 세트에서의 &lt;b&gt;정확도&lt;/b&gt;를 보여 줍니다. 새것을 배우면 옛것을 잊을 수 있는데, 여기서 얼마나 잊는지 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="242"/>
        <source>Load into the pad</source>
        <translation>패드에 불러오기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="243"/>
        <source>Relabel as</source>
        <translation>레이블 바꾸기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="244"/>
        <source>Remove</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="245"/>
        <source>Show the chosen digit on the explorer&apos;s pad, as the network&apos;s input</source>
        <translation>고른 숫자를 탐색기의 그림판에 신경망의 입력으로 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="246"/>
        <source>Give the chosen digit another label (it was drawn as another digit)</source>
        <translation>고른 숫자에 다른 레이블을 붙입니다 (다른 숫자로 쓴 것이라면)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="247"/>
        <source>Delete the chosen digit from your digits</source>
        <translation>고른 숫자를 내 숫자에서 지웁니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="248"/>
        <source>Choose another folder…</source>
        <translation>다른 폴더 고르기…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="249"/>
        <source>Keep my digits in another folder (remembered)</source>
        <translation>내 숫자를 다른 폴더에 둡니다 (기억해 둡니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="268"/>
        <source>Skipped {n}:</source>
        <translation>건너뛴 것 {n}개:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="300"/>
        <source>&lt;b&gt;1 digit&lt;/b&gt;</source>
        <translation>&lt;b&gt;숫자 1개&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="300"/>
        <source>&lt;b&gt;{n} digits&lt;/b&gt;</source>
        <translation>&lt;b&gt;숫자 {n}개&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="302"/>
        <source>{count} in {folder}: {train} to teach from, &lt;b&gt;{held} held out&lt;/b&gt; (framed in black). Every fifth digit of each label is held out when it is added and is never trained on, so its accuracy is honest.</source>
        <translation>{folder}에 {count}: 가르칠 것 {train}개, &lt;b&gt;따로 둔 것 {held}개&lt;/b&gt;(검은 테두리). 각 숫자의 다섯 번째마다 추가할 때 따로 두고 학습에 전혀 쓰지 않으므로, 그 정확도는 정직합니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="348"/>
        <source>Save the taught model</source>
        <translation>가르친 모델 저장</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="357"/>
        <source>The model was not saved</source>
        <translation>모델을 저장하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/page.py" line="359"/>
        <source>Saved {path}; it is now the model in use.</source>
        <translation>{path}에 저장했습니다. 이제 이 모델을 씁니다.</translation>
    </message>
</context>
<context>
    <name>PerLabelBars</name>
    <message>
        <location filename="../../annviz/gui/mydigits/gauges.py" line="126"/>
        <source>My held-out digits, per digit:&lt;br&gt;before (grey), after (green)</source>
        <translation>따로 둔 내 숫자, 숫자별:&lt;br&gt;전(회색), 후(초록)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/gauges.py" line="128"/>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/gauges.py" line="129"/>
        <source>digit</source>
        <translation>숫자</translation>
    </message>
</context>
<context>
    <name>PredictionChange</name>
    <message>
        <location filename="../../annviz/gui/mydigits/changes.py" line="126"/>
        <source>{digit} ({p:.0%})</source>
        <translation>{digit} ({p:.0%})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/changes.py" line="129"/>
        <source>Pick one of your digits to see its answer before and after.</source>
        <translation>내 숫자 하나를 고르면 가르치기 전과 후의 답을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/changes.py" line="131"/>
        <source>This {label}: before the lesson the network said {before}</source>
        <translation>이 {label}: 가르치기 전 신경망의 답은 {before}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/changes.py" line="133"/>
        <source>now it says {now}</source>
        <translation>지금의 답은 {now}</translation>
    </message>
</context>
<context>
    <name>TeachPanel</name>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="137"/>
        <source>Teaching {train} of your digits ({held} held out)…</source>
        <translation>내 숫자 {train}개를 가르치는 중(따로 둔 것 {held}개)…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="145"/>
        <source>Every digit to teach from is a {digit}: the network learns to answer {digit} more often and may forget the other digits. Add some of them too.</source>
        <translation>가르칠 숫자가 모두 {digit}입니다: 신경망이 {digit}(이)라고 답하는 일이 늘고 다른 숫자를 잊을 수 있습니다. 다른 숫자도 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="164"/>
        <source>The lesson went wrong and was stopped: {reason}</source>
        <translation>가르치기가 잘못되어 멈췄습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="166"/>
        <source>Taught in {s:.1f} s: my held-out digits {hb} → {ha}, MNIST {mb} → {ma}. Use the new model, save it, or discard it; the original stays as it was.</source>
        <translation>{s:.1f}초 만에 가르쳤습니다: 따로 둔 내 숫자 {hb} → {ha}, MNIST {mb} → {ma}. 새 모델을 쓰거나, 저장하거나, 버리세요. 원래 모델은 그대로입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="173"/>
        <source>Teaching failed: {message}</source>
        <translation>가르치기에 실패했습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="176"/>
        <source>blue: the weight fell</source>
        <translation>파랑: 가중치가 줄었음</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="177"/>
        <source>orange: the weight rose</source>
        <translation>주황: 가중치가 늘었음</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="177"/>
        <source>unchanged</source>
        <translation>그대로</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="178"/>
        <source>framed: the neurons that changed most</source>
        <translation>테두리: 가장 많이 바뀐 뉴런</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="180"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="181"/>
        <source>Passes over your digits mixed with replayed MNIST examples</source>
        <translation>다시 보여 주는 MNIST 예제와 섞은 내 숫자를 몇 번 훑을지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="182"/>
        <source>Without protection: my digits alone (watch it forget MNIST)</source>
        <translation>보호 없이: 내 숫자만 (MNIST를 잊는 것을 보세요)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="184"/>
        <source>Normally the network is protected from forgetting what it knew: each epoch mixes your digits with 2,000 MNIST training examples (replay), and every step also holds its answers on MNIST digits to the answers it gave before the lesson (distillation). Without protection it learns your digits alone and forgets MNIST: catastrophic forgetting.</source>
        <translation>보통은 신경망이 알던 것을 잊지 않도록 보호합니다: 에포크마다 내 숫자에 MNIST 훈련 예제 2,000개를 섞고(다시 보기), 매 단계 MNIST 숫자에 대한 답을 가르치기 전의 답 가까이에 붙잡아 둡니다(증류). 보호 없이 배우면 내 숫자만 익히고 MNIST를 잊습니다: 파국적 망각.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="189"/>
        <source>Augment my digits (shift, rotate, scale each copy)</source>
        <translation>내 숫자 데이터 증강 (복사본마다 옮기고, 돌리고, 크기 바꾸기)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="190"/>
        <source>Teach it</source>
        <translation>가르치기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="191"/>
        <source>Fine-tune a copy of the current model on your digits; the held-out ones are never trained on</source>
        <translation>현재 모델의 복사본을 내 숫자로 미세 조정합니다. 따로 둔 숫자는 학습에 쓰지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="193"/>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="194"/>
        <source>My held-out digits</source>
        <translation>따로 둔 내 숫자</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="195"/>
        <source>MNIST test set</source>
        <translation>MNIST 테스트 세트</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="197"/>
        <source>What changed: first-layer weights now minus before</source>
        <translation>바뀐 것: 첫 층 가중치의 지금 − 전</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="199"/>
        <source>Use the new model</source>
        <translation>새 모델 쓰기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="200"/>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="201"/>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="202"/>
        <source>Each epoch sees every digit of yours moved, turned and scaled a little differently, so the network learns the digit, not the drawing</source>
        <translation>에포크마다 내 숫자를 조금씩 다르게 옮기고 돌리고 크기를 바꿔 보여 주므로, 신경망은 그 그림이 아니라 숫자를 배웁니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="204"/>
        <source>Stop teaching now; what was learned so far is kept to use or discard</source>
        <translation>지금 가르치기를 멈춥니다. 지금까지 배운 것은 쓰거나 버릴 수 있게 남겨 둡니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="205"/>
        <source>Make the fine-tuned network the current model (not saved yet)</source>
        <translation>미세 조정한 신경망을 현재 모델로 씁니다 (아직 저장 안 됨)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="206"/>
        <source>Save the fine-tuned network to a model file</source>
        <translation>미세 조정한 신경망을 모델 파일로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/mydigits/teach_panel.py" line="207"/>
        <source>Forget the fine-tuned network and keep the model as it was</source>
        <translation>미세 조정한 신경망을 버리고 모델을 그대로 둡니다</translation>
    </message>
</context>
<context>
    <name>WeightChanges</name>
    <message>
        <location filename="../../annviz/gui/mydigits/changes.py" line="62"/>
        <source>Teach it, and the change in each first-layer neuron&apos;s weights shows here.</source>
        <translation>가르치면 첫 층 뉴런마다 가중치가 바뀐 모습이 여기에 나타납니다.</translation>
    </message>
</context>
</TS>
