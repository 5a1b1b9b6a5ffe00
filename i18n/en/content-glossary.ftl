# check-content: a glossary term explained twice with different meanings ($first is path:line).
content-glossary-conflict = The term "{ $term }" is already explained differently at { $first }. A term has one meaning across the whole course: use the same definition, or give the term a different name.
