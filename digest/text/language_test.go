package text

import (
	"strings"
	"testing"
)

// Short news paragraphs written for this test, one per language.
func TestLanguage(t *testing.T) {
	tests := []struct{ want, text string }{
		{"en", "The harbour authority said on Monday that the new terminal would open in March, after two years of delays and a dispute with the fishing crews."},
		{"de", "Die Hafenbehörde teilte am Montag mit, dass das neue Terminal im März eröffnet wird, nach zwei Jahren Verzögerung und einem Streit mit den Fischern."},
		{"fr", "L'autorité portuaire a annoncé lundi que le nouveau terminal ouvrira en mars, après deux ans de retard et un conflit avec les pêcheurs de la région."},
		{"es", "La autoridad portuaria dijo el lunes que la nueva terminal abrirá en marzo, después de dos años de retrasos y una disputa con los pescadores del puerto."},
		{"it", "L'autorità portuale ha detto lunedì che il nuovo terminal aprirà a marzo, dopo due anni di ritardi e una disputa con i pescatori della zona."},
		{"pt", "A autoridade portuária disse na segunda-feira que o novo terminal vai abrir em março, depois de dois anos de atrasos e de uma disputa com os pescadores."},
		{"nl", "De havenautoriteit zei maandag dat de nieuwe terminal in maart wordt geopend, na twee jaar vertraging en een conflict met de vissers van de haven."},
		{"sv", "Hamnmyndigheten sade på måndagen att den nya terminalen ska öppna i mars, efter två års förseningar och en tvist med fiskarna som inte ville flytta."},
		{"pl", "Władze portu poinformowały w poniedziałek, że nowy terminal zostanie otwarty w marcu, po dwóch latach opóźnień i sporze z rybakami, który nie był łatwy."},
		{"ru", "Администрация порта заявила в понедельник, что новый терминал откроется в марте после двух лет задержек."},
		{"uk", "Адміністрація порту заявила в понеділок, що новий термінал відкриється в березні після двох років затримок."},
		{"el", "Η λιμενική αρχή ανακοίνωσε τη Δευτέρα ότι ο νέος σταθμός θα ανοίξει τον Μάρτιο."},
		{"ja", "港湾局は月曜日、新しいターミナルが三月に開業すると発表した。"},
		{"zh", "港口管理局周一表示，新码头将于三月开放，此前已延误两年。"},
		{"ko", "항만청은 월요일 새 터미널이 3월에 문을 열 것이라고 밝혔다."},
		{"ar", "قالت هيئة الميناء يوم الاثنين إن المحطة الجديدة ستفتح في مارس."},
		{"", "Harbour terminal opens"}, // a headline alone: too short
		{"", "Mira Costa, Samir Haddad, Lena Ortiz, Owen Tarrant, Ines Rook, Hugo Lindqvist"}, // names, no prose
		{"", ""},
	}
	for _, tt := range tests {
		if got := Language(tt.text); got != tt.want {
			t.Errorf("Language(%.40q) = %q, want %q", tt.text, got, tt.want)
		}
		if tt.want != "" && LanguageNames[tt.want] == "" {
			t.Errorf("no name for %q", tt.want)
		}
	}
}

func TestLanguageLongTextCutsOnRuneBoundary(t *testing.T) {
	s := strings.Repeat("Die Behörde prüft das Verfahren und die Öffnung des Hafens. ", 200)
	if got := Language(s); got != "de" {
		t.Errorf("Language(long German) = %q", got)
	}
}

func FuzzLanguage(f *testing.F) {
	f.Add("The harbour authority said on Monday that the terminal would open.")
	f.Add("港湾局は月曜日")
	f.Fuzz(func(t *testing.T, s string) {
		if got := Language(s); got != "" && LanguageNames[got] == "" {
			t.Fatalf("unknown code %q", got)
		}
	})
}

func BenchmarkLanguage(b *testing.B) {
	s := strings.Repeat("The harbour authority said on Monday that the new terminal would open in March. ", 40)
	b.ReportAllocs()
	for b.Loop() {
		Language(s)
	}
}
