<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AttributionTab</name>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="134"/>
        <source>No input yet: draw in the explorer or pick a test image.</source>
        <translation>아직 입력이 없습니다: 탐색기에서 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="146"/>
        <source>input × gradient for {name}</source>
        <translation>{name}에 대한 입력 × 기울기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="147"/>
        <source>gradient ∂z/∂x for {name}</source>
        <translation>{name}에 대한 기울기 ∂z/∂x</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="149"/>
        <source>Score of {name}: z = {z}. Orange pixels pushed it up (towards {name}), blue pixels pushed it down. Pushes up: {up}, pushes down: {down}, in all {total}.</source>
        <translation>{name}의 점수: z = {z}. 주황 픽셀은 점수를 올렸고({name} 쪽으로), 파란 픽셀은 내렸습니다. 올린 합: {up}, 내린 합: {down}, 모두 합해 {total}.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="154"/>
        <source>With no hidden layer this is exact: the pixels&apos; {total} plus the bias b = {b} is z = {z}.</source>
        <translation>은닉층이 없으니 정확히 맞아떨어집니다: 픽셀들의 {total}에 편향 b = {b}를 더하면 z = {z}입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="158"/>
        <source>The pixels do not add up to z: the other {rest} comes from the biases (this output&apos;s own b = {b}) and from the bends of the non-linear hidden layers on the way.</source>
        <translation>픽셀들을 더해도 z가 되지 않습니다: 나머지 {rest}는 편향들(이 출력 자신의 b = {b})과, 지나오는 비선형 은닉층들이 휘어지는 데서 옵니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="163"/>
        <source>The right picture shows where more ink would raise the score (orange) or lower it (blue).</source>
        <translation>오른쪽 그림은 잉크를 더하면 점수가 오를 곳(주황)과 내려갈 곳(파랑)을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="168"/>
        <source>&lt;p&gt;&lt;b&gt;Why this answer&lt;/b&gt;: how much each pixel, hidden neuron and edge added to the score z&lt;sub&gt;k&lt;/sub&gt; of the chosen class — for an edge, its &lt;b&gt;weight&lt;/b&gt; × the activation it carries. Orange pushed the score up, blue down. Choose another class to see why the network did not answer that.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;왜 이렇게 답했나&lt;/b&gt;: 각 픽셀, 은닉 뉴런, 선이 고른 클래스의 점수 z&lt;sub&gt;k&lt;/sub&gt;에 얼마나 보탰는지 보여 줍니다. 선의 경우 그 &lt;b&gt;가중치&lt;/b&gt; × 그 선이 나르는 활성화입니다. 주황은 점수를 올렸고 파랑은 내렸습니다. 다른 클래스를 고르면 신경망이 왜 그 답을 하지 않았는지 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="174"/>
        <source>blue: pushed the score down</source>
        <translation>파랑: 점수를 내림</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="175"/>
        <source>orange: pushed the score up</source>
        <translation>주황: 점수를 올림</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="175"/>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="176"/>
        <source>Explain the class:</source>
        <translation>설명할 클래스:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="177"/>
        <source>The output class whose score z_k is explained (the predicted one by default)</source>
        <translation>점수 z_k를 설명할 출력 클래스 (기본값은 예측한 클래스)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="179"/>
        <source>the predicted class</source>
        <translation>예측한 클래스</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="180"/>
        <source>what the network sees</source>
        <translation>신경망이 보는 것</translation>
    </message>
</context>
<context>
    <name>DataTab</name>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="220"/>
        <source>Choose the folder of IDX files of {name}</source>
        <translation>{name}의 IDX 파일 폴더 고르기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="265"/>
        <source>average</source>
        <translation>평균</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="267"/>
        <source>examples (click one to load it into the pad)</source>
        <translation>예 (하나를 누르면 그림판에 불러옵니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="294"/>
        <source>The model&apos;s dataset, {name}, cannot be shown: {reason}</source>
        <translation>모델의 데이터셋 {name}을(를) 보여 줄 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="297"/>
        <source>Reading the dataset {name}…</source>
        <translation>데이터셋 {name}을(를) 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="300"/>
        <source>The model&apos;s dataset, {name}: {train:,} training images and {test:,} test images of {n} classes.</source>
        <translation>모델의 데이터셋 {name}: {n}개 클래스의 학습 이미지 {train:,}개와 테스트 이미지 {test:,}개.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="306"/>
        <source>class (training images of it)</source>
        <translation>클래스 (그 클래스의 학습 이미지 수)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="307"/>
        <source>each pixel&apos;s brightness: black = 0 … white = 1</source>
        <translation>픽셀마다 밝기: 검정 = 0 … 흰색 = 1</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="309"/>
        <source>The average image of a class: each pixel is the mean brightness of that pixel over all the training images of the class — a blurry picture of what the class usually looks like. Click it to see what the network says about it.</source>
        <translation>클래스의 평균 이미지: 각 픽셀은 그 클래스의 모든 학습 이미지에서 같은 픽셀의 밝기를 평균한 값입니다. 그 클래스가 보통 어떻게 생겼는지 보여 주는 흐릿한 그림이지요. 누르면 신경망이 이 그림을 무엇으로 읽는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="312"/>
        <source>How many training images of each class</source>
        <translation>클래스별 학습 이미지 수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="313"/>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="314"/>
        <source>training images</source>
        <translation>학습 이미지 수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="315"/>
        <source>How bright the pixels are (all training images)</source>
        <translation>픽셀의 밝기 분포 (모든 학습 이미지)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="318"/>
        <source>pixel brightness (0 = black … 1 = white)</source>
        <translation>픽셀 밝기 (0 = 검정 … 1 = 흰색)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="319"/>
        <source>pixels (thousands)</source>
        <translation>픽셀 수 (천 개)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="324"/>
        <source>{black:.1%} of all pixels are black (0) and are not drawn: the grey area shows the other {rest:.1%}.</source>
        <translation>전체 픽셀의 {black:.1%}는 검정(0)이라 그리지 않았습니다. 회색 영역은 나머지 {rest:.1%}입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="334"/>
        <source>&lt;p&gt;The &lt;b&gt;dataset&lt;/b&gt; the model learned from: training images with their labels, and test images kept apart to measure it. Each image is 28×28 pixels of brightness 0 (black) … 1 (white): the 784 neurons of the &lt;b&gt;input layer&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;The average image of a class shows what that class usually looks like; the counts show whether every class has about as many examples; the brightness histogram shows that most pixels are black and the ink is nearly white. Click an image to give it to the network.&lt;/p&gt;</source>
        <translation>&lt;p&gt;모델이 배운 &lt;b&gt;데이터셋&lt;/b&gt;: 레이블이 붙은 학습 이미지와, 성능을 재려고 따로 떼어 둔 테스트 이미지입니다. 이미지마다 28×28 픽셀이고 밝기는 0(검정) … 1(흰색)입니다. 이것이 &lt;b&gt;입력층&lt;/b&gt;의 뉴런 784개입니다.&lt;/p&gt;&lt;p&gt;클래스의 평균 이미지는 그 클래스가 보통 어떻게 생겼는지 보여 주고, 개수는 클래스마다 예가 비슷하게 있는지 보여 줍니다. 밝기 히스토그램을 보면 대부분의 픽셀은 검정이고 글씨는 거의 흰색입니다. 이미지를 누르면 신경망에 넣어 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="343"/>
        <source>Choose its folder…</source>
        <translation>폴더 고르기…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="344"/>
        <source>The model names a dataset annviz does not know by name: pick the folder of its IDX files yourself</source>
        <translation>모델이 annviz가 이름으로 모르는 데이터셋을 가리킵니다: 그 IDX 파일 폴더를 직접 고르세요</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="346"/>
        <source>Other examples</source>
        <translation>다른 예 보기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/data_tab.py" line="347"/>
        <source>Draw other examples of each class at random</source>
        <translation>클래스마다 다른 예를 무작위로 뽑습니다</translation>
    </message>
</context>
<context>
    <name>EvaluationTab</name>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="84"/>
        <source>Could not evaluate: {message}</source>
        <translation>평가할 수 없습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="128"/>
        <source>&lt;p&gt;&lt;b&gt;Accuracy&lt;/b&gt;: the share of the &lt;b&gt;test&lt;/b&gt; images the network answers right. The test images were never used in training, so they show how the network does on digits it has not seen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Confusion matrix&lt;/b&gt;: a row per true class, a column per &lt;b&gt;prediction&lt;/b&gt;; the diagonal holds the right answers and every other cell one kind of mistake (a 4 read as a 9). Click a cell to see its images.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Confidence threshold&lt;/b&gt;: the output layer&apos;s softmax gives each class a probability p&lt;sub&gt;k&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt;; below the threshold the app answers “not sure”.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;정확도&lt;/b&gt;: 신경망이 맞힌 &lt;b&gt;테스트&lt;/b&gt; 이미지의 비율입니다. 테스트 이미지는 학습에 한 번도 쓰이지 않았으므로, 처음 보는 숫자를 얼마나 잘 읽는지 보여 줍니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;혼동 행렬&lt;/b&gt;: 행은 실제 클래스, 열은 &lt;b&gt;예측&lt;/b&gt;입니다. 대각선은 맞힌 답이고, 나머지 칸은 저마다 한 가지 실수입니다(4를 9로 읽음). 칸을 누르면 그 이미지들을 볼 수 있습니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;신뢰도 임계값&lt;/b&gt;: 출력층의 소프트맥스는 클래스마다 확률 p&lt;sub&gt;k&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt;를 줍니다. 이 값이 임계값보다 낮으면 앱은 “잘 모르겠음”이라고 답합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="139"/>
        <source>true class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="139"/>
        <source>predicted class</source>
        <translation>예측 클래스</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="140"/>
        <source>accuracy per class</source>
        <translation>클래스별 정확도</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="143"/>
        <source>green: right answers (the diagonal)</source>
        <translation>초록: 맞힌 답 (대각선)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="145"/>
        <source>grey: mistakes</source>
        <translation>회색: 틀린 답</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="146"/>
        <source>the darker a cell, the more test images it holds; the number is the count</source>
        <translation>칸이 진할수록 테스트 이미지가 많습니다. 숫자는 그 개수입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="147"/>
        <source>Confidence threshold: below it the model says &quot;not sure&quot;</source>
        <translation>신뢰도 임계값: 이보다 낮으면 모델은 &quot;잘 모르겠음&quot;이라고 답합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="148"/>
        <source>Answers whose largest probability p_k = e^z_k / Σ e^z_j is below this are &quot;not sure&quot; (here and in the explorer)</source>
        <translation>가장 큰 확률 p_k = e^z_k / Σ e^z_j가 이보다 낮은 답은 &quot;잘 모르겠음&quot;이 됩니다 (여기와 탐색기에서)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="152"/>
        <source>Evaluating the test set…</source>
        <translation>테스트 세트를 평가하는 중…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="155"/>
        <source>Accuracy {accuracy:.2f}% on {n:,} test images</source>
        <translation>테스트 이미지 {n:,}개에서 정확도 {accuracy:.2f}%</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="164"/>
        <source>Threshold {t:.0f}%</source>
        <translation>임계값 {t:.0f}%</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="169"/>
        <source>Threshold {t:.0f}%: the model answers {count:,} of {n:,} images ({share:.1f}%) and says &quot;not sure&quot; for {unsure:,}. Accuracy of its answers: {accuracy}.</source>
        <translation>임계값 {t:.0f}%: 모델은 이미지 {n:,}개 중 {count:,}개({share:.1f}%)에 답하고 {unsure:,}개에는 &quot;잘 모르겠음&quot;이라고 합니다. 답한 것의 정확도: {accuracy}.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="176"/>
        <source>Click a cell of the confusion matrix to see its test images.</source>
        <translation>혼동 행렬의 칸을 누르면 그 테스트 이미지들이 보입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="181"/>
        <source>1 test image of class {true} predicted as {predicted}. Click it to load it into the explorer.</source>
        <translation>실제 {true}인데 {predicted}(으)로 예측한 테스트 이미지 1개. 누르면 탐색기에 불러옵니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="184"/>
        <source>{count:,} test images of class {true} predicted as {predicted}, most confident first. Click one to load it into the explorer.</source>
        <translation>실제 {true}인데 {predicted}(으)로 예측한 테스트 이미지 {count:,}개 (신뢰도가 높은 것부터). 하나를 누르면 탐색기에 불러옵니다.</translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <location filename="../../annviz/gui/insight/gallery.py" line="58"/>
        <source>{true} → {predicted}
{confidence:.1f}%</source>
        <translation>{true} → {predicted}
{confidence:.1f}%</translation>
    </message>
</context>
<context>
    <name>InsightPage</name>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="288"/>
        <source>How good is it</source>
        <extracomment>The tabs, in order, by the names lessons give them (insight-evaluation, …).</extracomment>
        <translation>성능 평가</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="289"/>
        <source>Mistakes</source>
        <translation>오답 살펴보기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="290"/>
        <source>Why this answer</source>
        <translation>왜 이렇게 답했나</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="291"/>
        <source>One step of learning</source>
        <translation>학습 한 단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="292"/>
        <source>Numeric slope vs backprop</source>
        <translation>수치미분 vs 역전파</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="293"/>
        <source>Matrix form</source>
        <translation>행렬 형태</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="294"/>
        <source>The data</source>
        <translation>데이터 살펴보기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="295"/>
        <source>True label of this input:</source>
        <translation>이 입력의 정답 레이블:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="296"/>
        <source>The class the input really is: the loss L compares the output with it</source>
        <translation>입력의 실제 클래스: 손실 L은 출력을 이것과 비교합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="302"/>
        <source>No input yet: draw in the explorer or pick a test image.</source>
        <translation>아직 입력이 없습니다: 탐색기에서 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="305"/>
        <source>Current input: the model predicts {name} ({p:.1f}%).</source>
        <translation>현재 입력: 모델의 예측은 {name} ({p:.1f}%).</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="307"/>
        <source>(test image #{index})</source>
        <translation>(테스트 이미지 #{index})</translation>
    </message>
</context>
<context>
    <name>MatrixTab</name>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="92"/>
        <source>No input yet: draw in the explorer or pick a test image.</source>
        <translation>아직 입력이 없습니다: 탐색기에서 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="108"/>
        <source>a{s} = {f}(W{s} a{p} + b{s}): W{s} is {rows} × {cols}; {shown} of its columns are shown. Hover a cell to see where it came from.</source>
        <translation>a{s} = {f}(W{s} a{p} + b{s}): W{s}는 {rows} × {cols} 행렬이고, 그중 {shown}개 열을 보여 줍니다. 칸 위에 마우스를 올리면 어디에서 왔는지 보입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="122"/>
        <source>÷ sum ({total:.4f})</source>
        <translation>÷ 합 ({total:.4f})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="136"/>
        <source>&lt;p&gt;&lt;b&gt;Matrix form&lt;/b&gt;: a whole layer computes a&lt;sup&gt;(l)&lt;/sup&gt; = σ(W&lt;sup&gt;(l)&lt;/sup&gt; a&lt;sup&gt;(l−1)&lt;/sup&gt; + b&lt;sup&gt;(l)&lt;/sup&gt;) at once: row i of W holds the weights of neuron i, so row i times the previous layer&apos;s activations, plus b&lt;sub&gt;i&lt;/sub&gt;, is that neuron&apos;s weighted input z&lt;sub&gt;i&lt;/sub&gt;. On screen, rows and columns count from 1, as neurons do.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;행렬 형태&lt;/b&gt;: 한 층 전체가 a&lt;sup&gt;(l)&lt;/sup&gt; = σ(W&lt;sup&gt;(l)&lt;/sup&gt; a&lt;sup&gt;(l−1)&lt;/sup&gt; + b&lt;sup&gt;(l)&lt;/sup&gt;)를 한꺼번에 계산합니다. W의 i번째 행은 뉴런 i의 가중치이므로, i번째 행과 앞 층 활성화의 곱에 b&lt;sub&gt;i&lt;/sub&gt;를 더하면 그 뉴런의 가중 입력 z&lt;sub&gt;i&lt;/sub&gt;가 됩니다. 화면에서 행과 열은 뉴런처럼 1부터 셉니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="142"/>
        <source>blue: negative weight</source>
        <translation>파랑: 음수 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="142"/>
        <source>orange: positive weight</source>
        <translation>주황: 양수 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="143"/>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="144"/>
        <source>grey cells: activations, black 0 … white 1</source>
        <translation>회색 칸: 활성화, 검정 0 … 흰색 1</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="145"/>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="146"/>
        <source>hide inputs that are 0</source>
        <translation>0인 입력 숨기기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="147"/>
        <source>The layer to write out: a⁽ˡ⁾ = f(W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾)</source>
        <translation>풀어 쓸 층: a⁽ˡ⁾ = f(W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="148"/>
        <source>Leave out the columns of W whose input is 0: they add nothing to z</source>
        <translation>입력이 0인 W의 열은 뺍니다: z에 아무것도 보태지 않으니까요</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="149"/>
        <source>Softmax, step by step: subtract the largest z (nothing changes, nothing overflows), take exp, divide by the sum.</source>
        <translation>소프트맥스, 한 단계씩: 가장 큰 z를 빼고(결과는 같고 넘침이 없음), 지수를 취한 뒤, 합으로 나눕니다.</translation>
    </message>
</context>
<context>
    <name>MistakesTab</name>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="130"/>
        <source>&lt;p&gt;&lt;b&gt;Mistakes&lt;/b&gt;: the test images the network got wrong, the most confident first. A confident mistake shows what the network has learned to look at — often not what a person looks at. Show one in the explorer to follow it through the layers.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;틀린 예&lt;/b&gt;: 신경망이 틀린 테스트 이미지로, 가장 확신한 것부터 보여 줍니다. 확신하며 틀린 예를 보면 신경망이 무엇을 보도록 배웠는지 알 수 있습니다. 사람이 보는 것과 다른 경우가 많지요. 탐색기에서 열어 층을 따라가 보세요.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="135"/>
        <source>◀ Previous</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="136"/>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="137"/>
        <source>Show in the explorer</source>
        <translation>탐색기에서 보기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="138"/>
        <source>The mistake before (more confident)</source>
        <translation>앞의 틀린 예 (더 확신한 것)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="139"/>
        <source>The next mistake (less confident)</source>
        <translation>다음 틀린 예 (덜 확신한 것)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="140"/>
        <source>Make this test image the input and open the explorer</source>
        <translation>이 테스트 이미지를 입력으로 하고 탐색기를 엽니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="141"/>
        <source>output (probability)</source>
        <translation>출력 (확률)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="142"/>
        <source>class (green: the true class)</source>
        <translation>클래스 (초록: 실제 클래스)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="145"/>
        <source>Evaluating the test set…</source>
        <translation>테스트 세트를 평가하는 중…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="148"/>
        <source>No mistakes on the test set.</source>
        <translation>테스트 세트에 오답이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="153"/>
        <source>Test image #{index}: it is {true}, the model says {predicted} with {confidence:.1f}% confidence.</source>
        <translation>테스트 이미지 #{index}: 실제로는 {true}인데, 모델은 신뢰도 {confidence:.1f}%로 {predicted}(이)라고 답합니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="157"/>
        <source>mistake {i:,} of {n:,} (most confident first)</source>
        <translation>오답 {n:,}개 중 {i:,}번째 (신뢰도가 높은 것부터)</translation>
    </message>
</context>
<context>
    <name>NudgeTab</name>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="226"/>
        <source>No input yet: draw in the explorer or pick a test image.</source>
        <translation>아직 입력이 없습니다: 탐색기에서 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="244"/>
        <source>∂L/∂W{s} of {neuron}: click a pixel</source>
        <translation>{neuron}의 ∂L/∂W{s}: 픽셀을 누르세요</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="248"/>
        <source>∂L/∂W{s}: click a weight</source>
        <translation>∂L/∂W{s}: 가중치를 누르세요</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="253"/>
        <source>weight w = W{s}[{i}, {j}]</source>
        <translation>가중치 w = W{s}[{i}, {j}]</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="256"/>
        <source>numeric slope (L(w+h) − L(w−h)) / 2h</source>
        <translation>수치미분 기울기 (L(w+h) − L(w−h)) / 2h</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="257"/>
        <source>backpropagation ∂L/∂w</source>
        <translation>역전파 ∂L/∂w</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="258"/>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="303"/>
        <source>relative error</source>
        <translation>상대 오차</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="265"/>
        <source>This weight does not change the loss for this input (its input is 0): both slopes are 0. Pick another weight or a pixel with ink.</source>
        <translation>이 입력에서는 이 가중치가 손실을 바꾸지 않습니다(입력이 0): 두 기울기 모두 0입니다. 다른 가중치나 잉크가 있는 픽셀을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="269"/>
        <source>They agree to about 1 digit.</source>
        <translation>두 값이 약 1자리까지 일치합니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="270"/>
        <source>They agree to about {digits} digits.</source>
        <translation>두 값이 약 {digits}자리까지 일치합니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="271"/>
        <source>Move h: too large and the curve bends within ±h, too small and rounding errors win.</source>
        <translation>h를 움직여 보세요: 너무 크면 ±h 안에서 곡선이 휘고, 너무 작으면 반올림 오차가 커집니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="280"/>
        <source>&lt;p&gt;&lt;b&gt;Numerical differentiation&lt;/b&gt;: nudge one weight by h and see how the loss changes, (L(w + h) − L(w − h)) / 2h — the slope of the loss along that weight.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Backpropagation&lt;/b&gt; gets the same slope exactly, for every weight at once, in one backward pass: this is why networks can learn. Too large an h and the curve&apos;s bend spoils the numeric slope; too small and rounding errors grow.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;수치미분&lt;/b&gt;: 가중치 하나를 h만큼 살짝 움직여 손실이 어떻게 바뀌는지 봅니다. (L(w + h) − L(w − h)) / 2h는 그 가중치 방향으로 본 손실의 기울기입니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;역전파&lt;/b&gt;는 같은 기울기를 정확하게, 모든 가중치에 대해 한 번의 역방향 계산으로 구합니다. 그래서 신경망이 학습할 수 있습니다. h가 너무 크면 곡선이 휘어 수치 기울기가 틀어지고, 너무 작으면 반올림 오차가 커집니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="291"/>
        <source>blue: negative gradient</source>
        <translation>파랑: 음수 기울기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="292"/>
        <source>orange: positive gradient</source>
        <translation>주황: 양수 기울기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="292"/>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="293"/>
        <source>weight layer</source>
        <translation>가중치 층</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="293"/>
        <source>neuron i</source>
        <translation>뉴런 i</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="294"/>
        <source>input j</source>
        <translation>입력 j</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="294"/>
        <source>nudge h (log scale)</source>
        <translation>살짝 바꾸는 양 h (로그 눈금)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="296"/>
        <source>Steepest weight</source>
        <translation>가장 가파른 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="297"/>
        <source>Which weight matrix W⁽ˡ⁾ the nudged weight w = W[i, j] is in</source>
        <translation>움직일 가중치 w = W[i, j]가 들어 있는 가중치 행렬 W⁽ˡ⁾</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="298"/>
        <source>i: the neuron the weight leads to (its row of W, from 1)</source>
        <translation>i: 가중치가 이어지는 뉴런 (W의 행, 1부터)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="299"/>
        <source>j: the input the weight comes from (its column of W, from 1)</source>
        <translation>j: 가중치가 오는 입력 (W의 열, 1부터)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="300"/>
        <source>Choose the weight whose change moves the loss most: the largest |∂L/∂w|</source>
        <translation>바꾸면 손실이 가장 크게 움직이는 가중치를 고릅니다: 가장 큰 |∂L/∂w|</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="301"/>
        <source>The nudge h of the numeric slope (L(w + h) − L(w − h)) / 2h</source>
        <translation>수치 기울기 (L(w + h) − L(w − h)) / 2h의 움직임 h</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="302"/>
        <source>h</source>
        <translation>h</translation>
    </message>
</context>
<context>
    <name>StepperTab</name>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="160"/>
        <source>stage {i} of {n}</source>
        <extracomment>The learning rate the tab starts with (see the module docstring).</extracomment>
        <translation>{n}단계 중 {i}단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="164"/>
        <source>No input yet: draw in the explorer or pick a test image.</source>
        <translation>아직 입력이 없습니다: 탐색기에서 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="172"/>
        <source>class (green: the true class)</source>
        <translation>클래스 (초록: 실제 클래스)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="173"/>
        <source>neuron</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="179"/>
        <source>1. The input a⁽⁰⁾ and its true label</source>
        <translation>1. 입력 a⁽⁰⁾와 정답 레이블</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="181"/>
        <source>The network learns from one example: this image, whose true label is {label}. Learning rate η = {lr:g}.</source>
        <translation>신경망이 예 하나에서 배웁니다: 정답 레이블이 {label}인 이 이미지입니다. 학습률 η = {lr:g}.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="189"/>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="307"/>
        <source>activation a</source>
        <translation>활성화 a</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="191"/>
        <source>Forward: layer {n}, a{s} = f(W{s} a{p} + b{s})</source>
        <translation>순전파: {n}층, a{s} = f(W{s} a{p} + b{s})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="194"/>
        <source>Each of the {count} neurons adds up its weighted inputs, z = W a + b, and applies its activation. Largest z = {zmax:.3f}, smallest z = {zmin:.3f}. The bars are the activations a.</source>
        <translation>{count}개 뉴런이 각각 가중 입력 z = W a + b를 더하고 활성화 함수를 적용합니다. 가장 큰 z = {zmax:.3f}, 가장 작은 z = {zmin:.3f}. 막대는 활성화 a입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="202"/>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="259"/>
        <source>output a (probability)</source>
        <translation>출력 a (확률)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="203"/>
        <source>The loss L: how wrong the output is</source>
        <translation>손실 L: 출력이 얼마나 틀렸나</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="209"/>
        <source>{formula}. The true class {label} (green) should have output 1; the network gives it {p:.4f}.</source>
        <translation>{formula}. 실제 클래스 {label}(초록)의 출력은 1이어야 하는데, 신경망은 {p:.4f}를 줍니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="217"/>
        <source>error signal δ = ∂L/∂z</source>
        <translation>오차 신호 δ = ∂L/∂z</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="221"/>
        <source>Back: the error signal δ{s} and the gradient ∂L/∂W{s}</source>
        <translation>역전파: 오차 신호 δ{s}와 기울기 ∂L/∂W{s}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="223"/>
        <source>δ{s} = (W{t}ᵀ δ{t}) ⊙ f′(z{s}): the error flows back through the weights.</source>
        <translation>δ{s} = (W{t}ᵀ δ{t}) ⊙ f′(z{s}): 오차가 가중치를 거쳐 거꾸로 흐릅니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="226"/>
        <source>At the output, δ = ∂L/∂z = a − y.</source>
        <translation>출력층에서 δ = ∂L/∂z = a − y.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="228"/>
        <source>At the output, δ = ∂L/∂z = (a − y) ⊙ f′(z).</source>
        <translation>출력층에서 δ = ∂L/∂z = (a − y) ⊙ f′(z).</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="230"/>
        <source>{rule} Then ∂L/∂W{s} = δ{s} a{p}ᵀ: row i is δ_i times the previous layer&apos;s activations (left: δ, right: ∂L/∂W, orange positive, blue negative; largest |∂L/∂W| = {gmax:.2e}).</source>
        <translation>{rule} 그러면 ∂L/∂W{s} = δ{s} a{p}ᵀ: i행은 δ_i 곱하기 이전 층의 활성화입니다 (왼쪽: δ, 오른쪽: ∂L/∂W, 주황 양수, 파랑 음수; 가장 큰 |∂L/∂W| = {gmax:.2e}).</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="246"/>
        <source>before: W{s}</source>
        <translation>갱신 전: W{s}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="247"/>
        <source>change: −η ∂L/∂W{s}</source>
        <translation>변화량: −η ∂L/∂W{s}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="248"/>
        <source>after: W{s} − η ∂L/∂W{s}</source>
        <translation>갱신 후: W{s} − η ∂L/∂W{s}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="249"/>
        <source>The update: W ← W − η ∂L/∂W</source>
        <translation>갱신: W ← W − η ∂L/∂W</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="251"/>
        <source>Every weight moves against its gradient (η = {lr:g}). The largest change in W{s} is {dmax:.2e}, while its weights reach ±{m:.2f}.</source>
        <translation>모든 가중치가 기울기의 반대 방향으로 움직입니다(η = {lr:g}). W{s}에서 가장 큰 변화는 {dmax:.2e}이고, 가중치는 ±{m:.2f}까지입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="261"/>
        <source>After one step: the new prediction</source>
        <translation>한 단계 뒤: 새 예측</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="263"/>
        <source>Output for the true class {label}: {p0:.4f} → {p1:.4f}. Loss: {l0:.4f} → {l1:.4f}. Prediction: {k0} → {k1}.</source>
        <translation>실제 클래스 {label}의 출력: {p0:.4f} → {p1:.4f}. 손실: {l0:.4f} → {l1:.4f}. 예측: {k0} → {k1}.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="276"/>
        <source>This step made the loss worse ({l0:.4f} → {l1:.4f}): η is so large that the step overshoots.</source>
        <translation>이 단계는 손실을 오히려 키웠습니다({l0:.4f} → {l1:.4f}). η가 너무 커서 한 단계가 목표를 지나쳐 버립니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="279"/>
        <source>This one step changes the answer from {k0} to {k1}: the probability of the true class {label} goes from {p0:.2f} % to {p1:.2f} %, the loss from {l0:.4f} to {l1:.4f}. That is a big step; with a smaller η it would only nudge the answer.</source>
        <translation>이 한 단계로 답이 {k0}에서 {k1}(으)로 바뀝니다. 실제 클래스 {label}의 확률은 {p0:.2f} %에서 {p1:.2f} %로, 손실은 {l0:.4f}에서 {l1:.4f}(으)로 바뀝니다. 큰 걸음입니다. η가 더 작으면 답을 조금만 움직입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="283"/>
        <source>The answer stays {k0}; the probability of the true class {label} goes from {p0:.2f} % to {p1:.2f} % and the loss from {l0:.4f} to {l1:.4f}: a nudge in the right direction. Learning is many such steps.</source>
        <translation>답은 그대로 {k0}입니다. 실제 클래스 {label}의 확률은 {p0:.2f} %에서 {p1:.2f} %로, 손실은 {l0:.4f}에서 {l1:.4f}(으)로 바뀝니다. 올바른 방향으로 조금 움직인 것입니다. 학습은 이런 걸음을 아주 많이 반복하는 것입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="295"/>
        <source>&lt;p&gt;&lt;b&gt;One step of learning&lt;/b&gt;, slowed down: the forward pass computes every layer&apos;s z and a; the &lt;b&gt;loss&lt;/b&gt; compares the output with the true label; &lt;b&gt;backpropagation&lt;/b&gt; sends δ = ∂L/∂z back from the output, layer by layer (the chain rule); each weight&apos;s &lt;b&gt;gradient&lt;/b&gt; is ∂L/∂W = δ a&lt;sup&gt;T&lt;/sup&gt;; and the update W ← W − η ∂L/∂W takes a step of size η (the &lt;b&gt;learning rate&lt;/b&gt;) downhill.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;학습 한 단계&lt;/b&gt;를 천천히: 순전파로 층마다 z와 a를 계산하고, &lt;b&gt;손실&lt;/b&gt;이 출력과 실제 레이블을 비교하고, &lt;b&gt;역전파&lt;/b&gt;가 δ = ∂L/∂z를 출력에서부터 층마다 거꾸로 보냅니다(연쇄 법칙). 각 가중치의 &lt;b&gt;기울기&lt;/b&gt;는 ∂L/∂W = δ a&lt;sup&gt;T&lt;/sup&gt;이고, 갱신 W ← W − η ∂L/∂W가 η(&lt;b&gt;학습률&lt;/b&gt;) 크기만큼 내리막으로 한 걸음 옮깁니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="302"/>
        <source>blue: negative</source>
        <translation>파랑: 음수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="302"/>
        <source>orange: positive</source>
        <translation>주황: 양수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="303"/>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="304"/>
        <source>green bar: the true class</source>
        <translation>초록 막대: 실제 클래스</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="305"/>
        <source>learning rate η</source>
        <translation>학습률 η</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="306"/>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="308"/>
        <source>◀ Previous stage</source>
        <translation>◀ 이전 단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="309"/>
        <source>Next stage ▶</source>
        <translation>다음 단계 ▶</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="310"/>
        <source>The stage before: forward pass, loss, backpropagation, update</source>
        <translation>앞 과정: 순전파, 손실, 역전파, 갱신</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="311"/>
        <source>The next stage of the learning step</source>
        <translation>학습 단계의 다음 과정</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="312"/>
        <source>The layer whose numbers are shown</source>
        <translation>숫자를 보여 줄 층</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="313"/>
        <source>Learning rate η of the update W ← W − η ∂L/∂W</source>
        <translation>갱신 W ← W − η ∂L/∂W의 학습률 η</translation>
    </message>
</context>
</TS>
