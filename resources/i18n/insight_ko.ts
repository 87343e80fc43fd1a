<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AttributionTab</name>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="112"/>
        <source>No input yet: draw in the explorer or pick a test image.</source>
        <translation>아직 입력이 없습니다: 탐색기에서 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="123"/>
        <source>input × gradient for {name}</source>
        <translation>{name}에 대한 입력 × 기울기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="124"/>
        <source>gradient ∂z/∂x for {name}</source>
        <translation>{name}에 대한 기울기 ∂z/∂x</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="126"/>
        <source>Score of {name}: z = {z:.3f}. Orange pixels pushed it up (towards {name}), blue pixels pushed it down. Pushes up: {up:+.3f}, pushes down: {down:+.3f}, in all {total:+.3f}.</source>
        <translation>{name}의 점수: z = {z:.3f}. 주황 픽셀은 점수를 올렸고({name} 쪽으로), 파란 픽셀은 내렸습니다. 올린 합: {up:+.3f}, 내린 합: {down:+.3f}, 모두 합해 {total:+.3f}.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="138"/>
        <source>The right picture shows where more ink would raise the score (orange) or lower it (blue).</source>
        <translation>오른쪽 그림은 잉크를 더하면 점수가 오를 곳(주황)과 내려갈 곳(파랑)을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="141"/>
        <source>blue: pushed the score down</source>
        <translation>파랑: 점수를 내림</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="142"/>
        <source>orange: pushed the score up</source>
        <translation>주황: 점수를 올림</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="142"/>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="131"/>
        <source>With no hidden layer this is exact: the pixels&apos; {total:+.3f} plus the bias b = {b:+.3f} is z = {z:.3f}.</source>
        <translation>은닉층이 없으니 정확히 맞아떨어집니다: 픽셀들의 {total:+.3f}에 편향 b = {b:+.3f}를 더하면 z = {z:.3f}입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="134"/>
        <source>The pixels do not add up to z: the other {rest:+.3f} comes from the biases (this output&apos;s own b = {b:+.3f}) and from the bends of the non-linear hidden layers on the way.</source>
        <translation>픽셀들을 더해도 z가 되지 않습니다: 나머지 {rest:+.3f}는 편향들(이 출력 자신의 b = {b:+.3f})과, 지나오는 비선형 은닉층들이 휘어지는 데서 옵니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="143"/>
        <source>Explain the class:</source>
        <translation>설명할 클래스:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="145"/>
        <source>the predicted class</source>
        <translation>예측한 클래스</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/attribution_tab.py" line="146"/>
        <source>what the network sees</source>
        <translation>신경망이 보는 것</translation>
    </message>
</context>
<context>
    <name>EvaluationTab</name>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="70"/>
        <source>Could not evaluate: {message}</source>
        <translation>평가할 수 없습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="106"/>
        <source>true class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="106"/>
        <source>predicted class</source>
        <translation>예측 클래스</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="107"/>
        <source>accuracy per class</source>
        <translation>클래스별 정확도</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="108"/>
        <source>Confidence threshold: below it the model says &quot;not sure&quot;</source>
        <translation>신뢰도 임계값: 이보다 낮으면 모델은 &quot;잘 모르겠음&quot;이라고 답합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="111"/>
        <source>Evaluating the test set…</source>
        <translation>테스트 세트를 평가하는 중…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="113"/>
        <source>Accuracy {accuracy:.2f}% on {n:,} test images</source>
        <translation>테스트 이미지 {n:,}개에서 정확도 {accuracy:.2f}%</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="121"/>
        <source>Threshold {t:.0f}%</source>
        <translation>임계값 {t:.0f}%</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="126"/>
        <source>Threshold {t:.0f}%: the model answers {count:,} of {n:,} images ({share:.1f}%) and says &quot;not sure&quot; for {unsure:,}. Accuracy of its answers: {accuracy}.</source>
        <translation>임계값 {t:.0f}%: 모델은 이미지 {n:,}개 중 {count:,}개({share:.1f}%)에 답하고 {unsure:,}개에는 &quot;잘 모르겠음&quot;이라고 합니다. 답한 것의 정확도: {accuracy}.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="133"/>
        <source>Click a cell of the confusion matrix to see its test images.</source>
        <translation>혼동 행렬의 칸을 누르면 그 테스트 이미지들이 보입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/evaluation_tab.py" line="137"/>
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
        <location filename="../../annviz/gui/insight/page.py" line="224"/>
        <source>How good is it</source>
        <translation>성능 평가</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="225"/>
        <source>Mistakes</source>
        <translation>오답 살펴보기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="226"/>
        <source>Why this answer</source>
        <translation>왜 이렇게 답했나</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="227"/>
        <source>One step of learning</source>
        <translation>학습 한 단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="228"/>
        <source>Numeric slope vs backprop</source>
        <translation>수치미분 vs 역전파</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="229"/>
        <source>Matrix form</source>
        <translation>행렬 형태</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="230"/>
        <source>True label of this input:</source>
        <translation>이 입력의 정답 레이블:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="236"/>
        <source>No input yet: draw in the explorer or pick a test image.</source>
        <translation>아직 입력이 없습니다: 탐색기에서 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="239"/>
        <source>Current input: the model predicts {name} ({p:.1f}%).</source>
        <translation>현재 입력: 모델의 예측은 {name} ({p:.1f}%).</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/page.py" line="241"/>
        <source>(test image #{index})</source>
        <translation>(테스트 이미지 #{index})</translation>
    </message>
</context>
<context>
    <name>MatrixTab</name>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="76"/>
        <source>No input yet: draw in the explorer or pick a test image.</source>
        <translation>아직 입력이 없습니다: 탐색기에서 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="91"/>
        <source>a{s} = {f}(W{s} a{p} + b{s}): W{s} is {rows} × {cols}; {shown} of its columns are shown. Hover a cell to see where it came from.</source>
        <translation>a{s} = {f}(W{s} a{p} + b{s}): W{s}는 {rows} × {cols} 행렬이고, 그중 {shown}개 열을 보여 줍니다. 칸 위에 마우스를 올리면 어디에서 왔는지 보입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="104"/>
        <source>÷ sum ({total:.4f})</source>
        <translation>÷ 합 ({total:.4f})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="116"/>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="117"/>
        <source>hide inputs that are 0</source>
        <translation>0인 입력 숨기기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/matrix_tab.py" line="118"/>
        <source>Softmax, step by step: subtract the largest z (nothing changes, nothing overflows), take exp, divide by the sum.</source>
        <translation>소프트맥스, 한 단계씩: 가장 큰 z를 빼고(결과는 같고 넘침이 없음), 지수를 취한 뒤, 합으로 나눕니다.</translation>
    </message>
</context>
<context>
    <name>MistakesTab</name>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="98"/>
        <source>◀ Previous</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="99"/>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="100"/>
        <source>Show in the explorer</source>
        <translation>탐색기에서 보기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="101"/>
        <source>output (probability)</source>
        <translation>출력 (확률)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="102"/>
        <source>class (green: the true class)</source>
        <translation>클래스 (초록: 실제 클래스)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="105"/>
        <source>Evaluating the test set…</source>
        <translation>테스트 세트를 평가하는 중…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="108"/>
        <source>No mistakes on the test set.</source>
        <translation>테스트 세트에 오답이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="113"/>
        <source>Test image #{index}: it is {true}, the model says {predicted} with {confidence:.1f}% confidence.</source>
        <translation>테스트 이미지 #{index}: 실제로는 {true}인데, 모델은 신뢰도 {confidence:.1f}%로 {predicted}(이)라고 답합니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/mistakes_tab.py" line="117"/>
        <source>mistake {i:,} of {n:,} (most confident first)</source>
        <translation>오답 {n:,}개 중 {i:,}번째 (신뢰도가 높은 것부터)</translation>
    </message>
</context>
<context>
    <name>NudgeTab</name>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="204"/>
        <source>No input yet: draw in the explorer or pick a test image.</source>
        <translation>아직 입력이 없습니다: 탐색기에서 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="221"/>
        <source>∂L/∂W{s} of neuron {i}: click a pixel</source>
        <translation>뉴런 {i}의 ∂L/∂W{s}: 픽셀을 누르세요</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="225"/>
        <source>∂L/∂W{s}: click a weight</source>
        <translation>∂L/∂W{s}: 가중치를 누르세요</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="230"/>
        <source>weight w = W{s}[{i}, {j}]</source>
        <translation>가중치 w = W{s}[{i}, {j}]</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="233"/>
        <source>numeric slope (L(w+h) − L(w−h)) / 2h</source>
        <translation>수치미분 기울기 (L(w+h) − L(w−h)) / 2h</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="234"/>
        <source>backpropagation ∂L/∂w</source>
        <translation>역전파 ∂L/∂w</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="235"/>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="261"/>
        <source>relative error</source>
        <translation>상대 오차</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="241"/>
        <source>This weight does not change the loss for this input (its input is 0): both slopes are 0. Pick another weight or a pixel with ink.</source>
        <translation>이 입력에서는 이 가중치가 손실을 바꾸지 않습니다(입력이 0): 두 기울기 모두 0입니다. 다른 가중치나 잉크가 있는 픽셀을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="245"/>
        <source>They agree to about 1 digit.</source>
        <translation>두 값이 약 1자리까지 일치합니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="246"/>
        <source>They agree to about {digits} digits.</source>
        <translation>두 값이 약 {digits}자리까지 일치합니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="247"/>
        <source>Move h: too large and the curve bends within ±h, too small and rounding errors win.</source>
        <translation>h를 움직여 보세요: 너무 크면 ±h 안에서 곡선이 휘고, 너무 작으면 반올림 오차가 커집니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="254"/>
        <source>blue: negative gradient</source>
        <translation>파랑: 음수 기울기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="255"/>
        <source>orange: positive gradient</source>
        <translation>주황: 양수 기울기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="255"/>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="256"/>
        <source>weight layer</source>
        <translation>가중치 층</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="256"/>
        <source>neuron i</source>
        <translation>뉴런 i</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="257"/>
        <source>input j</source>
        <translation>입력 j</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="257"/>
        <source>nudge h (log scale)</source>
        <translation>살짝 바꾸는 양 h (로그 눈금)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="259"/>
        <source>Steepest weight</source>
        <translation>가장 가파른 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/nudge_tab.py" line="260"/>
        <source>h</source>
        <translation>h</translation>
    </message>
</context>
<context>
    <name>StepperTab</name>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="149"/>
        <source>stage {i} of {n}</source>
        <extracomment>The learning rate the tab starts with (see the module docstring).</extracomment>
        <translation>{n}단계 중 {i}단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="153"/>
        <source>No input yet: draw in the explorer or pick a test image.</source>
        <translation>아직 입력이 없습니다: 탐색기에서 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="163"/>
        <source>1. The input a⁽⁰⁾ and its true label</source>
        <translation>1. 입력 a⁽⁰⁾와 정답 레이블</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="165"/>
        <source>The network learns from one example: this image, whose true label is {label}. Learning rate η = {lr:g}.</source>
        <translation>신경망이 예 하나에서 배웁니다: 정답 레이블이 {label}인 이 이미지입니다. 학습률 η = {lr:g}.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="174"/>
        <source>Forward: layer {n}, a{s} = f(W{s} a{p} + b{s})</source>
        <translation>순전파: {n}층, a{s} = f(W{s} a{p} + b{s})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="177"/>
        <source>Each of the {count} neurons adds up its weighted inputs, z = W a + b, and applies its activation. Largest z = {zmax:.3f}, smallest z = {zmin:.3f}. The bars are the activations a.</source>
        <translation>{count}개 뉴런이 각각 가중 입력 z = W a + b를 더하고 활성화 함수를 적용합니다. 가장 큰 z = {zmax:.3f}, 가장 작은 z = {zmin:.3f}. 막대는 활성화 a입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="185"/>
        <source>The loss L: how wrong the output is</source>
        <translation>손실 L: 출력이 얼마나 틀렸나</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="191"/>
        <source>{formula}. The true class {label} (green) should have output 1; the network gives it {p:.4f}.</source>
        <translation>{formula}. 실제 클래스 {label}(초록)의 출력은 1이어야 하는데, 신경망은 {p:.4f}를 줍니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="202"/>
        <source>Back: the error signal δ{s} and the gradient ∂L/∂W{s}</source>
        <translation>역전파: 오차 신호 δ{s}와 기울기 ∂L/∂W{s}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="204"/>
        <source>δ{s} = (W{t}ᵀ δ{t}) ⊙ f′(z{s}): the error flows back through the weights.</source>
        <translation>δ{s} = (W{t}ᵀ δ{t}) ⊙ f′(z{s}): 오차가 가중치를 거쳐 거꾸로 흐릅니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="207"/>
        <source>At the output, δ = ∂L/∂z = a − y.</source>
        <translation>출력층에서 δ = ∂L/∂z = a − y.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="209"/>
        <source>At the output, δ = ∂L/∂z = (a − y) ⊙ f′(z).</source>
        <translation>출력층에서 δ = ∂L/∂z = (a − y) ⊙ f′(z).</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="211"/>
        <source>{rule} Then ∂L/∂W{s} = δ{s} a{p}ᵀ: row i is δ_i times the previous layer&apos;s activations (left: δ, right: ∂L/∂W, orange positive, blue negative; largest |∂L/∂W| = {gmax:.2e}).</source>
        <translation>{rule} 그러면 ∂L/∂W{s} = δ{s} a{p}ᵀ: i행은 δ_i 곱하기 이전 층의 활성화입니다 (왼쪽: δ, 오른쪽: ∂L/∂W, 주황 양수, 파랑 음수; 가장 큰 |∂L/∂W| = {gmax:.2e}).</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="227"/>
        <source>before: W{s}</source>
        <translation>갱신 전: W{s}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="228"/>
        <source>change: −η ∂L/∂W{s}</source>
        <translation>변화량: −η ∂L/∂W{s}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="229"/>
        <source>after: W{s} − η ∂L/∂W{s}</source>
        <translation>갱신 후: W{s} − η ∂L/∂W{s}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="230"/>
        <source>The update: W ← W − η ∂L/∂W</source>
        <translation>갱신: W ← W − η ∂L/∂W</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="232"/>
        <source>Every weight moves against its gradient (η = {lr:g}). The largest change in W{s} is {dmax:.2e}, while its weights reach ±{m:.2f}.</source>
        <translation>모든 가중치가 기울기의 반대 방향으로 움직입니다(η = {lr:g}). W{s}에서 가장 큰 변화는 {dmax:.2e}이고, 가중치는 ±{m:.2f}까지입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="241"/>
        <source>After one step: the new prediction</source>
        <translation>한 단계 뒤: 새 예측</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="243"/>
        <source>Output for the true class {label}: {p0:.4f} → {p1:.4f}. Loss: {l0:.4f} → {l1:.4f}. Prediction: {k0} → {k1}.</source>
        <translation>실제 클래스 {label}의 출력: {p0:.4f} → {p1:.4f}. 손실: {l0:.4f} → {l1:.4f}. 예측: {k0} → {k1}.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="256"/>
        <source>This step made the loss worse ({l0:.4f} → {l1:.4f}): η is so large that the step overshoots.</source>
        <translation>이 단계는 손실을 오히려 키웠습니다({l0:.4f} → {l1:.4f}). η가 너무 커서 한 단계가 목표를 지나쳐 버립니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="259"/>
        <source>This one step changes the answer from {k0} to {k1}: the probability of the true class {label} goes from {p0:.2f} % to {p1:.2f} %, the loss from {l0:.4f} to {l1:.4f}. That is a big step; with a smaller η it would only nudge the answer.</source>
        <translation>이 한 단계로 답이 {k0}에서 {k1}(으)로 바뀝니다. 실제 클래스 {label}의 확률은 {p0:.2f} %에서 {p1:.2f} %로, 손실은 {l0:.4f}에서 {l1:.4f}(으)로 바뀝니다. 큰 걸음입니다. η가 더 작으면 답을 조금만 움직입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="263"/>
        <source>The answer stays {k0}; the probability of the true class {label} goes from {p0:.2f} % to {p1:.2f} % and the loss from {l0:.4f} to {l1:.4f}: a nudge in the right direction. Learning is many such steps.</source>
        <translation>답은 그대로 {k0}입니다. 실제 클래스 {label}의 확률은 {p0:.2f} %에서 {p1:.2f} %로, 손실은 {l0:.4f}에서 {l1:.4f}(으)로 바뀝니다. 올바른 방향으로 조금 움직인 것입니다. 학습은 이런 걸음을 아주 많이 반복하는 것입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="273"/>
        <source>blue: negative</source>
        <translation>파랑: 음수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="273"/>
        <source>orange: positive</source>
        <translation>주황: 양수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="274"/>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="275"/>
        <source>green bar: the true class</source>
        <translation>초록 막대: 실제 클래스</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="276"/>
        <source>learning rate η</source>
        <translation>학습률 η</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="277"/>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="278"/>
        <source>◀ Previous stage</source>
        <translation>◀ 이전 단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/insight/stepper_tab.py" line="279"/>
        <source>Next stage ▶</source>
        <translation>다음 단계 ▶</translation>
    </message>
</context>
</TS>
