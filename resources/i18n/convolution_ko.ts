<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="173"/>
        <source>The same test digits for two networks with about as many numbers: this CNN and the multilayer perceptron of the notes, 784-16-16-10 (13,002 numbers; the reference CNN has 11,274). Then the digits shifted by 1 to {m} pixels, each in its own direction: a filter slides, so the CNN finds a stroke wherever it is; the MLP&apos;s weights are tied to pixels.</source>
        <translation>수의 개수가 비슷한 두 신경망에 같은 테스트 숫자를 줍니다: 이 CNN과 강의 노트의 다층 퍼셉트론(MLP) 784-16-16-10(수 13,002개, 기준 CNN은 11,274개). 그다음 숫자마다 제 방향으로 1~{m}픽셀 옮겨서 줍니다. 필터는 미끄러지므로 CNN은 획이 어디 있든 찾지만, MLP의 가중치는 픽셀에 묶여 있습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="178"/>
        <source>Measure</source>
        <translation>측정</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="179"/>
        <source>Run both networks on {n} test digits, as they are and shifted</source>
        <translation>두 신경망을 테스트 숫자 {n}개에 그대로, 그리고 옮겨서 돌려 봅니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="181"/>
        <source>accuracy %</source>
        <translation>정확도 %</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="182"/>
        <source>shift (pixels)</source>
        <translation>옮긴 거리 (픽셀)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="184"/>
        <source>CNN</source>
        <translation>CNN</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="185"/>
        <source>MLP 784-16-16-10</source>
        <translation>MLP 784-16-16-10</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="186"/>
        <source>Test digits the MLP gets wrong and the CNN right (click one to put it on the pad):</source>
        <translation>MLP는 틀리고 CNN은 맞힌 테스트 숫자(누르면 그림판에 놓입니다):</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="232"/>
        <source>The test digits or the MLP could not be read.</source>
        <translation>테스트 숫자나 MLP를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="274"/>
        <source>No CNN to compare.</source>
        <translation>비교할 CNN이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="275"/>
        <source>Press Measure (a few seconds).</source>
        <translation>측정을 누르세요(몇 초 걸립니다).</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="283"/>
        <source>&lt;tr&gt;&lt;th&gt;shift&lt;/th&gt;&lt;th&gt;&amp;nbsp;CNN %&lt;/th&gt;&lt;th&gt;&amp;nbsp;MLP %&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;th&gt;옮김&lt;/th&gt;&lt;th&gt;&amp;nbsp;CNN %&lt;/th&gt;&lt;th&gt;&amp;nbsp;MLP %&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="286"/>
        <source>{n} test digits. Shifted by {k} pixels: CNN {c:.1f} %, MLP {m:.1f} %.</source>
        <translation>테스트 숫자 {n}개. {k}픽셀 옮기면: CNN {c:.1f} %, MLP {m:.1f} %.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="289"/>
        <source>Measuring: shift {k} of {m}…</source>
        <translation>측정 중: 옮김 {k} / {m}…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/compare_view.py" line="292"/>
        <source>MLP {a}
CNN {b}</source>
        <translation>MLP {a}
CNN {b}</translation>
    </message>
</context>
<context>
    <name>ConvolutionPage</name>
    <message>
        <location filename="../../annviz/gui/convolution/__init__.py" line="27"/>
        <location filename="../../annviz/gui/convolution/page.py" line="116"/>
        <source>Convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="123"/>
        <source>&lt;p&gt;A &lt;b&gt;filter&lt;/b&gt; (kernel) is a small grid of weights. Slid over the image, at each position it multiplies the pixels under it by its weights and adds them up, z = Σ wᵢaᵢ: one number of the output map. A vertical-edge filter&apos;s weights grow from left to right, so its sum is large where the image gets brighter to the right; a blur&apos;s are all equal.&lt;/p&gt;&lt;p&gt;The same few weights at every position: that is a &lt;b&gt;convolution&lt;/b&gt;. (Deep-learning libraries slide the kernel without flipping it, a cross-correlation, and call it convolution too.)&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;필터&lt;/b&gt;(커널)는 가중치로 된 작은 격자입니다. 이미지 위를 미끄러지며 위치마다 그 아래 픽셀에 가중치를 곱해 모두 더합니다, z = Σ wᵢaᵢ: 출력 맵의 수 하나입니다. 세로 모서리 필터는 가중치가 왼쪽에서 오른쪽으로 커지므로, 이미지가 오른쪽으로 밝아지는 곳에서 합이 큽니다. 흐림 필터는 가중치가 모두 같습니다.&lt;/p&gt;&lt;p&gt;모든 위치에서 같은 가중치 몇 개를 쓰는 것, 그것이 &lt;b&gt;합성곱&lt;/b&gt;입니다. (딥러닝 라이브러리는 커널을 뒤집지 않고 미끄러뜨리는 교차 상관을 계산하면서도 합성곱이라고 부릅니다.)&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="132"/>
        <source>&lt;p&gt;&lt;b&gt;Learning&lt;/b&gt; a CNN is the same gradient descent as for an MLP (here Adam, η rising to 0.006 and falling again over the run, batches of 64): the loss&apos;s &lt;b&gt;gradient&lt;/b&gt; flows back through the dense layer, through each max pooling (a window&apos;s gradient to the one pixel that was its maximum) and through each convolution, and every filter&apos;s weights move. The learning curve shows each batch&apos;s loss; the time machine, the first layer&apos;s kernels at any batch of the run.&lt;/p&gt;</source>
        <translation>&lt;p&gt;CNN의 &lt;b&gt;학습&lt;/b&gt;도 MLP와 같은 경사 하강법입니다(여기서는 Adam, η가 학습 동안 0.006까지 올라갔다가 다시 내려감, 배치 64). 손실의 &lt;b&gt;기울기&lt;/b&gt;가 완전 연결층을 지나, 최대 풀링마다(칸의 기울기는 최댓값이었던 한 픽셀로) 그리고 합성곱마다 거꾸로 흘러가고, 모든 필터의 가중치가 움직입니다. 학습 곡선은 배치마다의 손실을, 타임머신은 이번 학습의 어느 배치에서든 첫 번째 층의 커널을 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="139"/>
        <source>&lt;p&gt;A multilayer perceptron has a weight for every pixel: a stroke moved by a few pixels meets other weights. A convolution uses the same filter at every position, and max pooling keeps a window&apos;s largest value wherever in the window it lies, so a CNN&apos;s &lt;b&gt;accuracy&lt;/b&gt; falls much less on shifted digits. Not to nothing: its last, dense layer still ties its answer to positions.&lt;/p&gt;</source>
        <translation>&lt;p&gt;다층 퍼셉트론은 픽셀마다 가중치가 있어서, 몇 픽셀 옮겨진 획은 다른 가중치를 만납니다. 합성곱은 모든 위치에서 같은 필터를 쓰고, 최대 풀링은 칸 안 어디에 있든 가장 큰 값을 남기므로, 옮겨진 숫자에서 CNN의 &lt;b&gt;정확도&lt;/b&gt;는 훨씬 덜 떨어집니다. 그래도 전혀 안 떨어지지는 않습니다. 마지막 완전 연결층은 여전히 답을 위치에 묶어 둡니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="146"/>
        <source>&lt;p&gt;The CNN on the test images it never learnt from: its &lt;b&gt;accuracy&lt;/b&gt;, the share of right answers; the &lt;b&gt;confusion matrix&lt;/b&gt;, how many images of each true digit it read as each answer; and its mistakes, the most confident first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;CNN이 배운 적 없는 테스트 이미지로 봅니다: &lt;b&gt;정확도&lt;/b&gt;, 곧 맞힌 답의 비율, &lt;b&gt;혼동 행렬&lt;/b&gt;, 곧 실제 숫자마다 몇 개의 이미지를 어느 답으로 읽었는지, 그리고 틀린 것들을 가장 확신한 것부터.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="150"/>
        <source>&lt;p&gt;&lt;b&gt;Convolutional neural network&lt;/b&gt; (CNN): instead of one weight per pixel, a small &lt;b&gt;filter&lt;/b&gt; (kernel) of weights — here 5×5 — slides over the image; at each position z = Σ wᵢaᵢ + b over the pixels under it. The numbers it gives, one per position, are a &lt;b&gt;feature map&lt;/b&gt;: bright where the image has what the filter looks for (an edge, a stroke&apos;s end). Every filter learns its own weights.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ReLU&lt;/b&gt; keeps max(0, z); &lt;b&gt;max pooling&lt;/b&gt; 2×2 keeps the largest of each 2×2 window, halving the map&apos;s sides, so a shifted stroke still gives the same answer. The second convolution&apos;s filters look at all the first layer&apos;s maps at once. A pixel&apos;s &lt;b&gt;receptive field&lt;/b&gt; is the part of the input it depends on: 5×5 for the first layer, 14×14 after two convolutions and pooling.&lt;/p&gt;&lt;p&gt;The last layer is a dense layer of 10 neurons with softmax: the probabilities.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;합성곱 신경망&lt;/b&gt;(CNN): 픽셀마다 가중치를 하나씩 두는 대신, 가중치로 된 작은 &lt;b&gt;필터&lt;/b&gt;(커널, 여기서는 5×5)가 이미지 위를 미끄러지며 지나갑니다. 위치마다 그 아래 픽셀들로 z = Σ wᵢaᵢ + b를 계산합니다. 위치마다 하나씩 나온 이 수들이 &lt;b&gt;특징 맵&lt;/b&gt;입니다: 필터가 찾는 것(모서리, 획의 끝)이 이미지에 있는 곳에서 밝습니다. 필터마다 자기 가중치를 학습합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;렐루(ReLU)&lt;/b&gt;는 max(0, z)를 남기고, &lt;b&gt;최대 풀링&lt;/b&gt; 2×2는 2×2 칸마다 가장 큰 값을 남겨 맵의 가로세로를 반으로 줄입니다. 그래서 획이 조금 옮겨져도 같은 답이 나옵니다. 두 번째 합성곱의 필터는 첫 번째 층의 맵을 모두 한꺼번에 봅니다. 한 픽셀의 &lt;b&gt;수용 영역&lt;/b&gt;은 그 픽셀이 의존하는 입력의 부분입니다: 첫 번째 층은 5×5, 합성곱과 풀링을 두 번 거치면 14×14입니다.&lt;/p&gt;&lt;p&gt;마지막 층은 뉴런 10개의 완전 연결층이고 소프트맥스로 확률을 냅니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="163"/>
        <source>① A filter by hand</source>
        <translation>① 손으로 만드는 필터</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="164"/>
        <source>② Inside the network</source>
        <translation>② 신경망의 속</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="165"/>
        <source>③ Train a CNN</source>
        <translation>③ CNN 학습</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="166"/>
        <source>④ CNN or MLP</source>
        <translation>④ CNN과 MLP</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="167"/>
        <source>⑤ How good</source>
        <translation>⑤ 얼마나 잘하나</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="168"/>
        <source>Don&apos;t centre</source>
        <translation>가운데로 옮기지 않기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="169"/>
        <source>Give the network the drawing where it is on the pad, instead of centred and sized as MNIST&apos;s digits were</source>
        <translation>그림을 MNIST 숫자처럼 가운데로 옮기고 크기를 맞추는 대신, 그림판에 그려진 자리 그대로 신경망에 줍니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="171"/>
        <source>Draw a digit</source>
        <translation>숫자를 그리세요</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="172"/>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="173"/>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="174"/>
        <source>Use the bundled CNN</source>
        <translation>내장 CNN 사용</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="175"/>
        <source>Clear the pad</source>
        <translation>그림판을 지웁니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="176"/>
        <source>Take back the last stroke</source>
        <translation>마지막 획을 되돌립니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="177"/>
        <source>Show the reference CNN that comes with annviz (98.8 % on the test images)</source>
        <translation>annviz에 들어 있는 기준 CNN을 보여 줍니다 (테스트 이미지 정확도 98.8 %)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="468"/>
        <source>the network trained on ③</source>
        <translation>③에서 학습한 신경망</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="469"/>
        <source>the bundled CNN</source>
        <translation>내장 CNN</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="470"/>
        <source>{name}: {layers} · {n:,} parameters</source>
        <translation>{name}: {layers} · 매개변수 {n:,}개</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="478"/>
        <source>conv {k}×{k} ×{n}</source>
        <translation>합성곱 {k}×{k} ×{n}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="480"/>
        <source>max-pool 2×2</source>
        <translation>최대 풀링 2×2</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="482"/>
        <source>dense {n}</source>
        <translation>완전 연결 {n}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="487"/>
        <source>No network: the bundled CNN could not be read.</source>
        <translation>신경망이 없습니다: 내장 CNN을 읽을 수 없었습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="489"/>
        <source>Showing {name}: {d}</source>
        <translation>{name}을(를) 보여 줍니다: {d}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="491"/>
        <source>Showing the network trained on ③: {d}</source>
        <translation>③에서 학습한 신경망을 보여 줍니다: {d}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/page.py" line="493"/>
        <source>Showing the bundled reference CNN: {d}</source>
        <translation>내장 기준 CNN을 보여 줍니다: {d}</translation>
    </message>
</context>
<context>
    <name>EvaluateView</name>
    <message>
        <location filename="../../annviz/gui/convolution/evaluate_view.py" line="73"/>
        <source>How good is this CNN? Every one of MNIST&apos;s test images, as the insight page does it for a multilayer perceptron.</source>
        <translation>이 CNN은 얼마나 잘할까요? 분석 페이지가 다층 퍼셉트론에 하듯이 MNIST의 테스트 이미지 전부로 확인합니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/evaluate_view.py" line="75"/>
        <source>Evaluate</source>
        <translation>평가</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/evaluate_view.py" line="76"/>
        <source>Run the CNN on the test images (a few seconds, in the background)</source>
        <translation>테스트 이미지로 CNN을 돌립니다 (백그라운드에서 몇 초)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/evaluate_view.py" line="77"/>
        <source>Confusion matrix: a row per true digit (0 at the top), a column per answer (0 at the left); off the diagonal, the mistakes</source>
        <translation>혼동 행렬: 행은 실제 숫자(맨 위가 0), 열은 답(맨 왼쪽이 0)입니다. 대각선 밖이 틀린 것입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/evaluate_view.py" line="79"/>
        <source>Its mistakes, the most confident first (click one to put it on the pad):</source>
        <translation>틀린 것들, 가장 확신한 것부터 (누르면 그림판에 놓입니다):</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/evaluate_view.py" line="98"/>
        <source>Evaluating…</source>
        <translation>평가 중…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/evaluate_view.py" line="114"/>
        <source>Evaluating: {d:,} of {n:,} test images…</source>
        <translation>평가 중: 테스트 이미지 {n:,}개 중 {d:,}개…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/evaluate_view.py" line="122"/>
        <source>The evaluation stopped: {m}</source>
        <translation>평가가 멈췄습니다: {m}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/evaluate_view.py" line="133"/>
        <source>Press Evaluate.</source>
        <translation>평가를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/evaluate_view.py" line="140"/>
        <source>Accuracy {a:.2%}: {r:,} of {n:,} test images right, {m:,} mistakes.</source>
        <translation>정확도 {a:.2%}: 테스트 이미지 {n:,}개 중 {r:,}개 맞힘, {m:,}개 틀림.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/evaluate_view.py" line="145"/>
        <source>{t} → {p}
{c:.0%}</source>
        <translation>{t} → {p}
{c:.0%}</translation>
    </message>
</context>
<context>
    <name>HandView</name>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="110"/>
        <source>A filter is a small grid of weights. Slid over the image, at each position it multiplies the pixels under it by its weights and adds them up: one number of the output map.</source>
        <translation>필터는 가중치로 된 작은 격자입니다. 이미지 위를 미끄러지며 위치마다 그 아래 픽셀에 가중치를 곱해 모두 더합니다: 출력 맵의 수 하나입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="113"/>
        <source>Kernel (edit the numbers)</source>
        <translation>커널 (수를 고쳐 보세요)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="114"/>
        <source>Vertical edge</source>
        <translation>세로 모서리</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="114"/>
        <source>Horizontal edge</source>
        <translation>가로 모서리</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="115"/>
        <source>Blur</source>
        <translation>흐리게</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="115"/>
        <source>Sharpen</source>
        <translation>선명하게</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="118"/>
        <source>▶ Slow</source>
        <translation>▶ 천천히</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="119"/>
        <source>Step</source>
        <translation>한 칸</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="120"/>
        <source>▶▶ All</source>
        <translation>▶▶ 전부</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="121"/>
        <source>Reset</source>
        <translation>처음부터</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="122"/>
        <source>Input and the kernel&apos;s window</source>
        <translation>입력과 커널이 놓인 칸</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="123"/>
        <source>Output: the sums</source>
        <translation>출력: 합</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="124"/>
        <source>Here: weight × pixel</source>
        <translation>이 위치: 가중치 × 픽셀</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="125"/>
        <source>Positive where the image gets brighter to the right: finds vertical edges</source>
        <translation>오른쪽으로 밝아지는 곳에서 양수: 세로 모서리를 찾습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="126"/>
        <source>Positive where the image gets brighter downwards: finds horizontal edges</source>
        <translation>아래로 밝아지는 곳에서 양수: 가로 모서리를 찾습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="127"/>
        <source>Every weight equal: the mean of the window, a blurred image</source>
        <translation>가중치가 모두 같습니다: 칸의 평균, 흐려진 이미지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="128"/>
        <source>The pixel counted strongly, its neighbours taken away: sharper edges</source>
        <translation>가운데 픽셀은 크게, 이웃은 빼서: 모서리가 더 선명해집니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="131"/>
        <source>The kernel&apos;s size: 3×3 or 5×5 weights</source>
        <translation>커널의 크기: 가중치 3×3 또는 5×5</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="132"/>
        <source>Slide the kernel slowly, one position after another</source>
        <translation>커널을 한 위치씩 천천히 옮깁니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="133"/>
        <source>Move the kernel one position on</source>
        <translation>커널을 한 위치 옮깁니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="134"/>
        <source>Compute the sums at every position at once</source>
        <translation>모든 위치의 합을 한 번에 계산합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="135"/>
        <source>Start again at the top left</source>
        <translation>왼쪽 위에서 다시 시작합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="142"/>
        <source>One weight of the kernel: it multiplies the pixel under it</source>
        <translation>커널의 가중치 하나: 그 아래 픽셀에 곱해집니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="253"/>
        <source>Press Step or ▶ Slow to slide the kernel.</source>
        <translation>한 칸 또는 ▶ 천천히를 눌러 커널을 옮겨 보세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/hand_view.py" line="259"/>
        <source>Position row {r}, column {c}:
Σ weight × pixel = {s}</source>
        <translation>위치 {r}행 {c}열:
Σ 가중치 × 픽셀 = {s}</translation>
    </message>
</context>
<context>
    <name>KernelDialog</name>
    <message>
        <location filename="../../annviz/gui/convolution/kernel_dialog.py" line="52"/>
        <source>Convolution {c} · filter {f}</source>
        <translation>합성곱 {c} · 필터 {f}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/kernel_dialog.py" line="54"/>
        <source>Its {k}×{k} weights: slid over the input, they give the filter&apos;s map (orange: positive, blue: negative). Bias b = {b}.</source>
        <translation>이 필터의 {k}×{k} 가중치: 입력 위를 미끄러지며 필터의 특징 맵을 만듭니다 (주황: 양수, 파랑: 음수). 편향 b = {b}.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/kernel_dialog.py" line="66"/>
        <source>from map {m}</source>
        <translation>맵 {m}에서</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/kernel_dialog.py" line="101"/>
        <source>The digit the drawing is meant to be: the loss and its gradient are for this answer</source>
        <translation>그린 숫자가 무슨 숫자인지: 손실과 그 기울기는 이 답에 대한 것입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/kernel_dialog.py" line="103"/>
        <source>Pool backward with a mask x == max (a real bug)</source>
        <translation>마스크 x == max로 풀링 역전파 (실제로 있었던 버그)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/kernel_dialog.py" line="105"/>
        <source>Give a pooling window&apos;s gradient to every pixel equal to its maximum, as a first version of annviz did, instead of to the one pixel that was kept</source>
        <translation>annviz의 첫 버전처럼, 풀링 칸의 기울기를 남겨진 한 픽셀이 아니라 최댓값과 같은 모든 픽셀에 줍니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/kernel_dialog.py" line="116"/>
        <source>Its gradient for your drawing, as if it were a</source>
        <translation>그린 숫자를 이 숫자로 볼 때의 기울기:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/kernel_dialog.py" line="136"/>
        <source>dL/dw (map {m}), in units of {u}:</source>
        <translation>dL/dw (맵 {m}), 단위 {u}:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/kernel_dialog.py" line="137"/>
        <source>dL/dw, in units of {u}:</source>
        <translation>dL/dw, 단위 {u}:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/kernel_dialog.py" line="138"/>
        <source>dL/dw: 0 everywhere (nothing of this filter reaches the loss)</source>
        <translation>dL/dw: 모두 0 (이 필터의 어떤 것도 손실에 닿지 않습니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/kernel_dialog.py" line="141"/>
        <source>Loss L = {l}. dL/db by backpropagation: {bp}; numeric slope (L(b + h) − L(b − h)) / 2h, h = 10⁻⁴: {num}; they differ by {e:.1%}.</source>
        <translation>손실 L = {l}. 역전파로 구한 dL/db: {bp}; 수치 기울기 (L(b + h) − L(b − h)) / 2h, h = 10⁻⁴: {num}; 둘의 차이는 {e:.1%}입니다.</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../annviz/gui/convolution/network_view.py" line="112"/>
        <source>Probabilities</source>
        <translation>확률</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/network_view.py" line="113"/>
        <source>Each small picture is one filter&apos;s feature map for your drawing (white: strong). Point at a pixel to see its sum; click a map to open its filter.</source>
        <translation>작은 그림 하나하나가 그린 숫자에 대한 필터 하나의 특징 맵입니다 (흰색: 강함). 픽셀을 가리키면 그 합이 보이고, 맵을 누르면 그 필터가 열립니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/network_view.py" line="240"/>
        <source>Convolution {c}: {n} filters {k}×{k}, after ReLU ({s}×{s})</source>
        <translation>합성곱 {c}: 필터 {n}개 {k}×{k}, 렐루 다음 ({s}×{s})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/network_view.py" line="243"/>
        <source>Convolution {c} after max-pooling 2×2 ({s}×{s})</source>
        <translation>합성곱 {c}, 2×2 최대 풀링 다음 ({s}×{s})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/network_view.py" line="250"/>
        <source>The dense layer&apos;s inputs: {c} maps × {p} = {n} numbers → {o} outputs</source>
        <translation>완전 연결층의 입력: 맵 {c}개 × {p} = 수 {n}개 → 출력 {o}개</translation>
    </message>
</context>
<context>
    <name>SumPanel</name>
    <message>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="55"/>
        <source>Receptive field on the input</source>
        <translation>입력에서의 수용 영역</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="56"/>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="114"/>
        <source>weights w</source>
        <translation>가중치 w</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="57"/>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="113"/>
        <source>inputs a</source>
        <translation>입력 a</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="103"/>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="125"/>
        <source>z = Σ wᵢaᵢ + b = {s} {b} = {z}
ReLU: a = max(0, z) = {a}</source>
        <translation>z = Σ wᵢaᵢ + b = {s} {b} = {z}
렐루: a = max(0, z) = {a}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="107"/>
        <source>inputs a (map {m} of {n})</source>
        <translation>입력 a ({n}개 중 맵 {m})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="109"/>
        <source>weights w (map {m})</source>
        <translation>가중치 w (맵 {m})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="110"/>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="127"/>
        <source>The sum counts all {n} maps × 25 pixels; the map shown adds the most.</source>
        <translation>합에는 맵 {n}개 × 픽셀 25개가 모두 들어갑니다. 보이는 맵이 가장 많이 더합니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="116"/>
        <source>the 2×2 window before pooling</source>
        <translation>풀링 전의 2×2 칸</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="117"/>
        <source>max-pool: keeps the largest of the four = {m}</source>
        <translation>최대 풀링: 넷 중 가장 큰 값을 남깁니다 = {m}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/sum_panel.py" line="120"/>
        <source>Point at a pixel of a feature map to see what it sums.</source>
        <translation>특징 맵의 픽셀을 가리키면 무엇을 더했는지 보입니다.</translation>
    </message>
</context>
<context>
    <name>TrainView</name>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="141"/>
        <source>Convolutions</source>
        <translation>합성곱 층</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="141"/>
        <source>Filters in the first</source>
        <translation>첫 번째의 필터</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="142"/>
        <source>Filters in the second</source>
        <translation>두 번째의 필터</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="142"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="143"/>
        <source>Training images</source>
        <translation>학습 이미지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="145"/>
        <source>How many convolutions, each 5×5 with ReLU and 2×2 max pooling, before the dense layer</source>
        <translation>완전 연결층 앞의 합성곱 층 수 (각각 5×5, 렐루, 2×2 최대 풀링)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="146"/>
        <source>Filters of the first convolution: each learns its own 5×5 kernel</source>
        <translation>첫 번째 합성곱의 필터 수: 필터마다 자기 5×5 커널을 학습합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="147"/>
        <source>Filters of the second convolution: each looks at all the first one&apos;s maps</source>
        <translation>두 번째 합성곱의 필터 수: 필터마다 첫 번째 층의 맵을 모두 봅니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="148"/>
        <source>Passes over the training images</source>
        <translation>학습 이미지를 몇 번 훑을지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="149"/>
        <source>How many of MNIST&apos;s 60,000 training images to learn from</source>
        <translation>MNIST 학습 이미지 60,000개 중 몇 개로 학습할지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="152"/>
        <source>Train a new network with these settings (Adam, η up to 0.006 in one cycle)</source>
        <translation>이 설정으로 새 신경망을 학습합니다 (Adam, η는 한 주기에 0.006까지)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="153"/>
        <source>Stop training; the network keeps what it has learnt</source>
        <translation>학습을 멈춥니다. 신경망은 배운 것을 그대로 가집니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="154"/>
        <source>The time machine: drag back to see the first convolution&apos;s kernels at an earlier batch of the run</source>
        <translation>타임머신: 뒤로 끌면 이번 학습의 더 이른 배치에서 첫 번째 합성곱의 커널을 봅니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="156"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="157"/>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="158"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="159"/>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="185"/>
        <source>Loading the training images…</source>
        <translation>학습 이미지를 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="290"/>
        <source>Training stopped: {m}</source>
        <translation>학습이 멈췄습니다: {m}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="324"/>
        <source>Batch {b} of {n}</source>
        <translation>배치 {b} / {n}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="326"/>
        <source>Test accuracy after epoch {e}: {a:.1%}</source>
        <translation>에포크 {e} 후 테스트 정확도: {a:.1%}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="328"/>
        <source>Press Start: the network learns from the MNIST training images.</source>
        <translation>시작을 누르세요: 신경망이 MNIST 학습 이미지로 학습합니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="351"/>
        <source>Kernels now</source>
        <translation>지금의 커널</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="353"/>
        <source>Kernels at batch {b}</source>
        <translation>배치 {b}의 커널</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="363"/>
        <source>First convolution&apos;s kernels</source>
        <translation>첫 번째 합성곱의 커널</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="366"/>
        <source>First convolution&apos;s kernels at batch {b} of {n} (the slider&apos;s right end: now)</source>
        <translation>배치 {b} / {n}에서 첫 번째 합성곱의 커널 (슬라이더 오른쪽 끝: 지금)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="370"/>
        <source>Convolution {c}, after ReLU</source>
        <translation>합성곱 {c}, 렐루 다음</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/convolution/train_view.py" line="371"/>
        <source>Convolution {c}, after pooling</source>
        <translation>합성곱 {c}, 풀링 다음</translation>
    </message>
</context>
</TS>
