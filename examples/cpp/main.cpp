// advise from C++: a situation given as facts, then one told in a parent's own words.
#include <advise/advise.hpp>

#include <iostream>

int main() {
    try {
        const advise::RuleSet rules = advise::RuleSet::builtin();

        // Speech therapy sessions, already raised with the therapist, and nothing changed.
        advise::Situation s;
        s.topic = "speech_therapy";
        s.message_type = "concern";
        s.raised_with = {"related_service_provider"};
        s.resolved = advise::Resolved::no;
        const advise::Advice a = rules.evaluate(s);
        std::cout << "advise " << advise::version << "\n"
                  << "Contact: " << a.contact.title << "\n"
                  << "Channel: " << a.channel.label << "\n"
                  << "Escalate: " << (a.escalate ? "yes" : "no") << "\n"
                  << "Why:\n";
        for (const advise::Reason& reason : a.reasons) std::cout << "  - " << reason.text << " [" << reason.rule << "]\n";

        const advise::Reading r = rules.read("the teacher won't return my calls, 3 weeks now");
        if (r.sure) {
            const advise::Advice b = rules.evaluate(r);
            std::cout << "\nIn words: contact " << b.contact.title << " (" << b.contact.id << ") by "
                      << b.channel.label << "\n";
        } else {
            std::cout << "\nIn words: " << r.question << "\n";
        }
        return 0;
    } catch (const advise::LoadError& e) {
        std::cerr << e.what() << '\n';
    } catch (const advise::InputError& e) {
        std::cerr << "advise: " << e.what() << '\n';
    }
    return 1;
}
