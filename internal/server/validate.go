package server

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"buf.build/go/protovalidate"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/timelined/timelined/internal/dates"
	"github.com/timelined/timelined/internal/errtext"
)

// The request rules the contract can say are written on its fields as
// protovalidate (buf.validate) rules, where generated clients and docs show
// them; rules enforces them with protovalidate's Go library. The checks in
// check.go keep what those rules cannot say (limits set by flags, blank
// text, real calendar days, IANA zone names, unique ids, the window's
// order) and add no second violation for a field a rule named. Either
// way a violation reads as it did before the rules were written down.

// rules adds a violation for each buf.validate rule req breaks, and
// notes req's type so that err lists violations in the contract's order.
func (v *violations) rules(req proto.Message) {
	if req == nil || !req.ProtoReflect().IsValid() || hasNilElements(req.ProtoReflect()) {
		return // in-process callers only; check.go names these
	}
	v.md = req.ProtoReflect().Descriptor()
	err := protovalidate.GlobalValidator.Validate(req)
	var ve *protovalidate.ValidationError
	if !errors.As(err, &ve) {
		// No violation, or a rule that does not compile: check.go's
		// checks still apply, and a test compiles every rule.
		return
	}
	if v.ruled == nil {
		v.ruled = make(map[string]bool)
	}
	for _, rv := range ve.Violations {
		field := protovalidate.FieldPathString(rv.Proto.GetField())
		if v.ruled[field] {
			continue
		}
		v.addRuled(field, ruleDescription(rv))
	}
}

// hasNilElements reports whether a list of messages in m holds a nil
// element, which only an in-process caller can make.
func hasNilElements(m protoreflect.Message) bool {
	found := false
	m.Range(func(fd protoreflect.FieldDescriptor, val protoreflect.Value) bool {
		if fd.IsList() && fd.Message() != nil {
			l := val.List()
			for i := range l.Len() {
				if !l.Get(i).Message().IsValid() {
					found = true
					return false
				}
			}
		}
		return true
	})
	return found
}

// addRuled adds a violation found by a rule; check.go adds none after it
// for the same field.
func (v *violations) addRuled(field, description string) {
	v.add(field, "%s", description)
	v.ruled[field] = true
}

// ruleDescription says what a rule's violation means, in the words the
// checks used before the rules were in the contract.
func ruleDescription(rv *protovalidate.Violation) string {
	switch rv.Proto.GetRuleId() {
	case "required":
		return "required"
	case "string.max_bytes":
		return fmt.Sprintf("%d bytes exceed the limit of %d bytes (max id bytes)", len(rv.FieldValue.String()), rv.RuleValue.Uint())
	case "string.pattern":
		return fmt.Sprintf("%s is not a date: want YYYY-MM-DD, a real day in years %04d to %04d", errtext.Clip(rv.FieldValue.String()), dates.MinYear, dates.MaxYear)
	case "enum.defined_only":
		return fmt.Sprintf("unknown value %d", rv.FieldValue.Enum())
	case "repeated.min_items":
		return "at least one article is required"
	}
	return rv.Proto.GetMessage()
}

// sortViolations orders the violations as the fields come in the
// contract: by field number at each step of the path, then by index.
func (v *violations) sortViolations() {
	if v.md == nil || len(v.list) < 2 {
		return
	}
	keys := make(map[string][]int, len(v.list))
	for _, fv := range v.list {
		keys[fv.GetField()] = fieldOrder(v.md, fv.GetField())
	}
	slices.SortStableFunc(v.list, func(a, b *errdetails.BadRequest_FieldViolation) int {
		return slices.Compare(keys[a.GetField()], keys[b.GetField()])
	})
}

// fieldOrder returns, for a path like "articles[2].text", the field
// numbers and indexes along it: [1, 2, 3].
func fieldOrder(md protoreflect.MessageDescriptor, path string) []int {
	var key []int
	for part := range strings.SplitSeq(path, ".") {
		name, index, _ := strings.Cut(part, "[")
		var fd protoreflect.FieldDescriptor
		if md != nil {
			fd = md.Fields().ByName(protoreflect.Name(name))
		}
		if fd == nil {
			key = append(key, 1<<30)
			md = nil
			continue
		}
		key = append(key, int(fd.Number()))
		if index != "" {
			i, _ := strconv.Atoi(strings.TrimSuffix(index, "]"))
			key = append(key, i)
		}
		md = fd.Message()
	}
	return key
}
