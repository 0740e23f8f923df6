import type { Lang } from "../knowledge/types.js";

// Hand-kept rather than from a package: the packaged lists we tried are either broken for Ukrainian
// (@orama/stopwords ships it mis-encoded) or drop words that carry meaning here ("жизнь", "два", "world").
// These are function words, question words and the language's ways of asking only; everything that names a
// thing stays. Words that say nothing only in questions about one topic ("role", "figures") are in its lexicon.
const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const STOP_WORDS: Record<Lang, Set<string>> = {
  en: words(`
    a an the and or but if of to in on at by for with from about into onto over under as than then so such
    is are was were be been being am do does did done doing have has had having will would shall should can could
    may might must i me my we us our you your he him his she her it its they them their this that these those
    there here what which who whom whose when where why how many much more most any some all each every
    tell know please say said let s t just also ever still yet really very via per not no yes
    get got gets getting hi hello hey ok okay thanks thank thx
    able possible exactly approximately roughly around currently actually overall
    kind sort type info information details detail
    show shows showed shown happen happened mean means describe explain together even
    simple simply briefly
    one someone something anyone anything everyone everything own else besides apart according wait actual
    described describes describing mention mentions mentioned mentioning further additional too up
    dont didnt doesnt isnt arent wasnt werent cant wont havent hasnt hadnt couldnt wouldnt shouldnt aint`),
  ru: words(`
    а и или но да нет не ни же ли бы то это этот эта эти тот та те так как что чтобы чем кто кого кому
    какой какая какое какие каких каким когда где куда откуда почему зачем сколько ну вот ведь уже еще ещё
    в во на с со к ко у о об обо от до из по за для при про без над под через между я мне меня мы нас нам
    ты тебе вы вас вам он его ему она ее её они их им был была было были быть будет есть ли можно ли
    скажи скажите расскажи расскажите подскажи подскажите пожалуйста знаешь всё все весь вся очень также тоже
    спасибо благодаря привет
    вместе разве даже можно ли примерно около приблизительно
    сейчас вообще информация подробности показывает показало означает
    объясни объясните простыми словами кратко вкратце подробнее
    свой своя своё свое свои своих своим своей своего сам сама само сами самом самого самой там тут здесь
    этого этом этой эту этим тому того том согласно помимо кроме
    какую каком какому какого какими чей чья чьё чье чьи чьего чьей который которая которое которые которого
    которой котором которую которых которым кем чём пишут пишет
    упоминается упоминаются упоминали упоминал упомянуты упомянуто говорится составляет составляла составил
    составила составили`),
  uk: words(`
    а і й та або але так ні не ані ж же чи би б то це цей ця ці той та ті як що щоб ніж хто кого кому
    який яка яке які яких яким коли де куди звідки чому навіщо скільки ну ось вже ще
    в у на з із зі к до о об від по уже за для при про без над під через між я мені мене ми нас нам
    ти тобі ви вас вам він його йому вона її вони їх їм був була було були бути буде є можна
    скажи скажіть розкажи розкажіть підкажи підкажіть будь ласка знаєш все всі весь вся дуже також теж
    дякую завдяки привіт
    разом шо хіба навіть приблизно близько
    зараз взагалі інформація подробиці показує показало означає
    поясни поясніть простими словами коротко стисло детальніше докладніше
    свій своя своє свою свої своїх своїм своєї свого сам сама самі самому самого самій там тут
    тим тому того тій ту цього цьому цієї цю цим згідно окрім крім
    яку якого якому якій якої якою якими чий чия чиє чиї чийого чиєї котрий котра котре котрі котрого котрої
    ким чим чого пишуть пише
    згадується згадуються згадували згадував згадано йдеться ідеться становить становила становив становили`),
};
